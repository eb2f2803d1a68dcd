using MediatR;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Reports.Backlog;

/// <summary>A required guiding document not in force yet.</summary>
/// <param name="AmendmentId">The new-guidance amendment that is to produce it.</param>
/// <param name="Guides">The document it is to guide (a law, a decree, …).</param>
/// <param name="DraftingUnit">Who drafts it.</param>
/// <param name="ResponsibleOfficial">Who answers for it, name and position.</param>
/// <param name="DaysOverdue">Days past the due date, today in the register's time zone; 0 when not yet due.</param>
internal sealed record BacklogItem(
    Guid AmendmentId, string Title, AmendmentStatus Status, BacklogRegulation? Guides, BacklogUnit? DraftingUnit, string ResponsibleOfficial,
    DateOnly DueOn, int DaysOverdue);

internal sealed record BacklogRegulation(Guid Id, string Symbol, RegulationType Type, string Title);

internal sealed record BacklogUnit(Guid Id, string Code, string Name);

internal sealed record BacklogCursor(DateOnly DueOn, Guid Id);

/// <summary>The backlog of guiding documents, soonest due first.</summary>
internal sealed record ListGuidanceBacklog(int Limit, string? Cursor) : IQuery<Page<BacklogItem>>;

internal sealed class ListGuidanceBacklogHandler(IMediator mediator, BuildingBlocks.Time.RegisterCalendar calendar) : IRequestHandler<ListGuidanceBacklog, Page<BacklogItem>>
{
    public async Task<Page<BacklogItem>> Handle(ListGuidanceBacklog request, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<BacklogCursor>(request.Cursor);
        var rows = await mediator.Send(new GetGuidanceBacklog(after?.DueOn, after?.Id, request.Limit + 1), cancellationToken);
        var regulations = (await mediator.Send(new GetRegulations([.. rows.Select(r => r.RegulationId)]), cancellationToken)).ToDictionary(r => r.Id);
        var units = (await mediator.Send(new GetUnits([.. rows.Select(r => r.DraftingUnitId)]), cancellationToken)).ToDictionary(u => u.Id);
        var today = calendar.Today;
        return Cursor.ToPage(rows, request.Limit, r => new BacklogItem(
                r.AmendmentId, r.Title, r.Status,
                regulations.GetValueOrDefault(r.RegulationId) is { } g ? new BacklogRegulation(g.Id, g.Symbol, g.Type, g.Title) : null,
                units.GetValueOrDefault(r.DraftingUnitId) is { } u ? new BacklogUnit(u.Id, u.Code, u.Name) : null,
                r.ResponsibleOfficial, r.DueOn, today > r.DueOn ? today.DayNumber - r.DueOn.DayNumber : 0),
            r => new BacklogCursor(r.DueOn, r.AmendmentId));
    }
}
