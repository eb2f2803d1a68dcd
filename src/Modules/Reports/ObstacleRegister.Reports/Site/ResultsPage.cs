using MediatR;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Reports.Public;

using ObstacleRegister.Reports.OpenData;

namespace ObstacleRegister.Reports.Site;

/// <summary>What the register achieved: obstacles resolved, with the document that resolved them, and reasoned rejections.</summary>
internal sealed record ResultsPage(Page<PublicObstacleItem> Resolved, Page<PublicObstacleItem> Rejected) : ISitePage
{
    public IReadOnlyList<SiteTable> Tables() =>
    [
        new("resolved", ["reference", "title", "unit", "category", "resolved_by", "issued_on", "effective_on", "confirmation"],
            [.. Resolved.Items.Select(o => (IReadOnlyList<object?>)[
                new Linked(o.Reference, PublicPaths.Obstacle(o.Id)), o.Title, o.Unit?.Name, o.Category,
                Linked.To(o.ResolvedBy?.Symbol, PublicPaths.Regulation(o.ResolvedBy?.Id ?? Guid.Empty)), o.ResolvedBy?.IssuedOn, o.ResolvedBy?.EffectiveOn, o.Confirmation])]),
        new("rejected", ["reference", "title", "unit", "category", "answer"],
            [.. Rejected.Items.Select(o => (IReadOnlyList<object?>)[new Linked(o.Reference, PublicPaths.Obstacle(o.Id)), o.Title, o.Unit?.Name, o.Category, o.Answer])]),
    ];
}

/// <param name="ResolvedCursor">Where the resolved list continues.</param>
/// <param name="RejectedCursor">Where the rejections continue.</param>
internal sealed record LoadResultsPage(string? ResolvedCursor, string? RejectedCursor) : IQuery<ResultsPage>;

internal sealed class LoadResultsPageHandler(IMediator mediator) : IRequestHandler<LoadResultsPage, ResultsPage>
{
    public const int PageSize = 25;

    public async Task<ResultsPage> Handle(LoadResultsPage request, CancellationToken cancellationToken) => new(
        await mediator.Send(new ListPublicObstacleItems(ObstacleStatus.Resolved, null, PageSize, request.ResolvedCursor), cancellationToken),
        await mediator.Send(new ListPublicObstacleItems(ObstacleStatus.Rejected, null, PageSize, request.RejectedCursor), cancellationToken));
}
