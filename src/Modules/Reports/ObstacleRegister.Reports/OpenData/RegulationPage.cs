using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Reports.Public;

namespace ObstacleRegister.Reports.OpenData;

/// <summary>
/// A regulation for the public: its status, the documents that guide it and that changed it, the amendments under way
/// and its open public obstacles by provision.
/// </summary>
internal sealed record RegulationPage(
    RegulationSummary Regulation, RegulationSummary? Guides, RegulationRelations Relations, IReadOnlyList<AmendmentSummary> Amendments,
    PublicObstacleFactsPage Obstacles, IReadOnlyDictionary<Guid, PublicUnit> Units)
{
    /// <summary>The page's obstacles grouped by the article of this regulation they cite, in article order.</summary>
    public IEnumerable<IGrouping<int, (PublicObstacleFacts Obstacle, CitedProvision Citation)>> ByArticle() =>
        Obstacles.Items
            .SelectMany(o => o.Citations.Where(c => c.RegulationId == Regulation.Id).Select(c => (Obstacle: o, Citation: c)))
            .DistinctBy(x => (x.Obstacle.Id, x.Citation.Article, x.Citation.Clause, x.Citation.Point))
            .OrderBy(x => x.Citation.Article).ThenBy(x => x.Citation.Clause ?? 0).ThenBy(x => x.Obstacle.Seq)
            .GroupBy(x => x.Citation.Article);
}

internal sealed record LoadRegulationPage(Guid Id, string? Cursor) : IQuery<RegulationPage>;

internal sealed class LoadRegulationPageHandler(IMediator mediator) : IRequestHandler<LoadRegulationPage, RegulationPage>
{
    public const int PageSize = 100;

    public async Task<RegulationPage> Handle(LoadRegulationPage request, CancellationToken cancellationToken)
    {
        var regulation = await mediator.Send(new GetRegulation(request.Id), cancellationToken) ?? throw new NotFoundException("regulation", request.Id);
        var guides = regulation.GuidesId is { } guidesId ? await mediator.Send(new GetRegulation(guidesId), cancellationToken) : null;
        var relations = await mediator.Send(new GetRegulationRelations(regulation.Id), cancellationToken);
        var amendments = await mediator.Send(new GetAmendmentsTargeting([regulation.Id]), cancellationToken);
        var obstacles = await mediator.Send(new ListOpenPublicObstaclesCiting(regulation.Id, PageSize, request.Cursor), cancellationToken);
        var units = await Names.Units(mediator, obstacles.Items.Select(o => o.UnitId).Concat(amendments.Select(a => a.DraftingUnitId)), cancellationToken);
        return new RegulationPage(regulation, guides, relations, amendments, obstacles, units);
    }
}
