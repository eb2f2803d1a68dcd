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
/// <param name="AtRisk">Open, not late yet, and the register's forecast says it will likely miss its due date.</param>
internal sealed record PublicAmendmentItem(
    Guid Id, string Title, AmendmentKind Kind, AmendmentStatus Status, PublicRegulation? Regulation, PublicUnit? DraftingUnit,
    PublicOfficial ResponsibleOfficial, DateOnly DueOn, DateOnly OriginalDueOn, int DaysOverdue, int TotalDaysLate, Guid? IssuedRegulationId, bool AtRisk);

/// <summary>A document in force that resolved obstacles.</summary>
/// <param name="Symbol">Its number and symbol, e.g. <c>15/2026/NĐ-CP</c>.</param>
/// <param name="IssuedOn">Date of issue.</param>
/// <param name="EffectiveOn">Date it took effect.</param>
internal sealed record PublicDocument(Guid Id, string Symbol, RegulationType Type, string Title, DateOnly IssuedOn, DateOnly? EffectiveOn);

/// <summary>A result: a resolved obstacle, or a rejected one with its reasoned answer.</summary>
/// <param name="ResolvedBy">The document whose entry into force resolved it (for a duplicate, its master's); absent for rejections.</param>
/// <param name="Confirmation">For a resolved obstacle, whether its reporting unit confirmed it is gone in practice, has not said yet, or reopened it.</param>
internal sealed record PublicObstacleItem(
    Guid Id, string Reference, PublicUnit? Unit, string Title, ObstacleCategory Category, ObstacleStatus Status, string? Answer,
    Guid? DuplicateOfId, DateTimeOffset ReportedAt, DateTimeOffset UpdatedAt, PublicDocument? ResolvedBy, ResultConfirmation? Confirmation);

internal sealed record ListPublicAmendmentItems(Guid? DraftingUnitId, AmendmentStatus? Status, bool? Overdue, int Limit, string? Cursor, bool? Open = null)
    : IQuery<Page<PublicAmendmentItem>>;

internal sealed record ListPublicObstacleItems(ObstacleStatus Status, Guid? UnitId, int Limit, string? Cursor) : IQuery<Page<PublicObstacleItem>>;

internal sealed class ListPublicAmendmentItemsHandler(IMediator mediator) : IRequestHandler<ListPublicAmendmentItems, Page<PublicAmendmentItem>>
{
    public async Task<Page<PublicAmendmentItem>> Handle(ListPublicAmendmentItems request, CancellationToken cancellationToken)
    {
        var page = await mediator.Send(new ListPublicAmendments(request.DraftingUnitId, request.Status, request.Overdue, request.Limit, request.Cursor, request.Open), cancellationToken);
        var regulations = (await mediator.Send(new GetRegulations([.. page.Items.Select(a => a.RegulationId)]), cancellationToken)).ToDictionary(r => r.Id);
        var units = await Names.Units(mediator, page.Items.Select(a => a.DraftingUnitId), cancellationToken);
        return new Page<PublicAmendmentItem>(page.Items.Select(a => new PublicAmendmentItem(
            a.Id, a.Title, a.Kind, a.Status,
            regulations.GetValueOrDefault(a.RegulationId) is { } r ? new PublicRegulation(r.Id, r.Symbol, r.Title, r.Status) : null,
            units.GetValueOrDefault(a.DraftingUnitId), new PublicOfficial(a.OfficialName, a.OfficialPosition), a.DueOn, a.OriginalDueOn,
            a.DaysOverdue, a.TotalDaysLate, a.IssuedRegulationId, a.AtRisk)).ToList(), page.NextCursor);
    }
}

internal sealed class ListPublicObstacleItemsHandler(IMediator mediator) : IRequestHandler<ListPublicObstacleItems, Page<PublicObstacleItem>>
{
    public async Task<Page<PublicObstacleItem>> Handle(ListPublicObstacleItems request, CancellationToken cancellationToken)
    {
        var page = await mediator.Send(new ListPublishedObstacles(request.Status, request.UnitId, request.Limit, request.Cursor), cancellationToken);
        var units = await Names.Units(mediator, page.Items.Select(o => o.UnitId), cancellationToken);
        var documents = await ResolvingDocuments(page.Items, cancellationToken);
        return new Page<PublicObstacleItem>(page.Items.Select(o => new PublicObstacleItem(
            o.Id, o.Reference, units.GetValueOrDefault(o.UnitId), o.Title, o.Category, o.Status, o.Answer, o.DuplicateOfId, o.ReportedAt,
            o.UpdatedAt, o.Status == ObstacleStatus.Resolved ? documents.GetValueOrDefault(o.DuplicateOfId ?? o.Id) : null, o.Confirmation)).ToList(),
            page.NextCursor);
    }

    /// <summary>The issued documents of the amendments in force behind a page of results, by obstacle (a duplicate's by its master).</summary>
    private async Task<Dictionary<Guid, PublicDocument>> ResolvingDocuments(IReadOnlyList<PublishedObstacle> items, CancellationToken ct)
    {
        var resolved = items.Where(o => o.Status == ObstacleStatus.Resolved).Select(o => o.DuplicateOfId ?? o.Id).Distinct().ToList();
        var remedies = (await mediator.Send(new GetRemediesOfObstacles(resolved), ct))
            .Where(r => r.Amendment.IssuedRegulationId is not null)
            .GroupBy(r => r.ObstacleId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Amendment.DueOn).First().Amendment.IssuedRegulationId!.Value);
        var regulations = (await mediator.Send(new GetRegulations([.. remedies.Values.Distinct()]), ct)).ToDictionary(r => r.Id);
        return remedies.Where(r => regulations.ContainsKey(r.Value)).ToDictionary(r => r.Key, r => Document(regulations[r.Value]));
    }

    private static PublicDocument Document(RegulationSummary d) => new(d.Id, d.Symbol, d.Type, d.Title, d.IssuedOn, d.EffectiveOn);
}

internal static class Names
{
    /// <summary>The units of a page, named with one lookup.</summary>
    public static async Task<Dictionary<Guid, PublicUnit>> Units(IMediator mediator, IEnumerable<Guid> ids, CancellationToken ct) =>
        (await mediator.Send(new GetUnits([.. ids.Distinct()]), ct)).ToDictionary(u => u.Id, u => new PublicUnit(u.Id, u.Code, u.Name));
}
