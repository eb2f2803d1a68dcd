using MediatR;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Reports.Public;

/// <summary>A unit as the public sees it.</summary>
internal sealed record PublicUnit(Guid Id, string Code, string Name);

/// <summary>A regulation as the public sees it.</summary>
internal sealed record PublicRegulation(Guid Id, string Symbol, string Title, RegulationStatus Status);

/// <summary>The official who answers for an amendment.</summary>
internal sealed record PublicOfficial(string Name, string Position);

/// <summary>Responsibility: who drafts an amendment, who answers for it, by when, how late.</summary>
/// <param name="DaysOverdue">Days past the current due date while open, today in the register's time zone.</param>
/// <param name="TotalDaysLate">Days past the first due date, up to issuance or today.</param>
internal sealed record PublicAmendmentItem(
    Guid Id, string Title, AmendmentKind Kind, AmendmentStatus Status, PublicRegulation? Regulation, PublicUnit? DraftingUnit,
    PublicOfficial ResponsibleOfficial, DateOnly DueOn, DateOnly OriginalDueOn, int DaysOverdue, int TotalDaysLate, Guid? IssuedRegulationId);

/// <summary>A result: a resolved obstacle, or a rejected one with its reasoned answer.</summary>
internal sealed record PublicObstacleItem(
    Guid Id, string Reference, PublicUnit? Unit, string Title, ObstacleCategory Category, ObstacleStatus Status, string? Answer,
    Guid? DuplicateOfId, DateTimeOffset ReportedAt, DateTimeOffset UpdatedAt);

internal sealed record ListPublicAmendmentItems(Guid? DraftingUnitId, AmendmentStatus? Status, bool? Overdue, int Limit, string? Cursor)
    : IQuery<Page<PublicAmendmentItem>>;

internal sealed record ListPublicObstacleItems(ObstacleStatus Status, Guid? UnitId, int Limit, string? Cursor) : IQuery<Page<PublicObstacleItem>>;

internal sealed class ListPublicAmendmentItemsHandler(IMediator mediator) : IRequestHandler<ListPublicAmendmentItems, Page<PublicAmendmentItem>>
{
    public async Task<Page<PublicAmendmentItem>> Handle(ListPublicAmendmentItems request, CancellationToken cancellationToken)
    {
        var page = await mediator.Send(new ListPublicAmendments(request.DraftingUnitId, request.Status, request.Overdue, request.Limit, request.Cursor), cancellationToken);
        var regulations = (await mediator.Send(new GetRegulations([.. page.Items.Select(a => a.RegulationId)]), cancellationToken)).ToDictionary(r => r.Id);
        var units = await Names.Units(mediator, page.Items.Select(a => a.DraftingUnitId), cancellationToken);
        return new Page<PublicAmendmentItem>(page.Items.Select(a => new PublicAmendmentItem(
            a.Id, a.Title, a.Kind, a.Status,
            regulations.GetValueOrDefault(a.RegulationId) is { } r ? new PublicRegulation(r.Id, r.Symbol, r.Title, r.Status) : null,
            units.GetValueOrDefault(a.DraftingUnitId), new PublicOfficial(a.OfficialName, a.OfficialPosition), a.DueOn, a.OriginalDueOn,
            a.DaysOverdue, a.TotalDaysLate, a.IssuedRegulationId)).ToList(), page.NextCursor);
    }
}

internal sealed class ListPublicObstacleItemsHandler(IMediator mediator) : IRequestHandler<ListPublicObstacleItems, Page<PublicObstacleItem>>
{
    public async Task<Page<PublicObstacleItem>> Handle(ListPublicObstacleItems request, CancellationToken cancellationToken)
    {
        var page = await mediator.Send(new ListPublishedObstacles(request.Status, request.UnitId, request.Limit, request.Cursor), cancellationToken);
        var units = await Names.Units(mediator, page.Items.Select(o => o.UnitId), cancellationToken);
        return new Page<PublicObstacleItem>(page.Items.Select(o => new PublicObstacleItem(
            o.Id, o.Reference, units.GetValueOrDefault(o.UnitId), o.Title, o.Category, o.Status, o.Answer, o.DuplicateOfId, o.ReportedAt,
            o.UpdatedAt)).ToList(), page.NextCursor);
    }
}

internal static class Names
{
    /// <summary>The units of a page, named with one lookup.</summary>
    public static async Task<Dictionary<Guid, PublicUnit>> Units(IMediator mediator, IEnumerable<Guid> ids, CancellationToken ct) =>
        (await mediator.Send(new GetUnits([.. ids.Distinct()]), ct)).ToDictionary(u => u.Id, u => new PublicUnit(u.Id, u.Code, u.Name));
}
