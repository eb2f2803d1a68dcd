using MediatR;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Reports.Hotspots;

using ObstacleRegister.Reports.OpenData;

namespace ObstacleRegister.Reports.Site;

/// <summary>The regulations and provisions causing most obstacles still open, over the register's whole history.</summary>
internal sealed record HotspotsPage(HotspotsReport Report) : ISitePage
{
    public const int Top = 20;

    /// <summary>How many regulations the chart draws; the table lists them all.</summary>
    public const int Charted = 10;

    public IReadOnlyList<SiteTable> Tables() =>
    [
        new("regulations", ["rank", "symbol", "title", "open_obstacles", "units_affected", "resolved_obstacles", "amendments"],
            [.. Report.Regulations.Select(r => (IReadOnlyList<object?>)[
                r.Rank, new Linked(r.Regulation.Symbol, PublicPaths.Regulation(r.Regulation.Id)), r.Regulation.Title, r.OpenObstacles, r.UnitsAffected, r.ResolvedObstacles, r.Amendments.Count])]),
        new("provisions", ["rank", "symbol", "provision", "open_obstacles", "units_affected", "resolved_obstacles"],
            [.. Report.Provisions.Select(p => (IReadOnlyList<object?>)[
                p.Rank, new Linked(p.Regulation.Symbol, PublicPaths.Regulation(p.Regulation.Id)),
                new Linked(p.Provision, $"{PublicPaths.Regulation(p.Regulation.Id)}#{Eli.Anchor(p.Article)}"), p.OpenObstacles, p.UnitsAffected, p.ResolvedObstacles])]),
    ];
}

internal sealed record LoadHotspotsPage : IQuery<HotspotsPage>;

/// <summary>The same report coordinators read, for the whole register: every figure in it is public.</summary>
internal sealed class LoadHotspotsPageHandler(IMediator mediator, RegisterCalendar calendar) : IRequestHandler<LoadHotspotsPage, HotspotsPage>
{
    public async Task<HotspotsPage> Handle(LoadHotspotsPage request, CancellationToken cancellationToken) =>
        new(await HotspotsComposition.Compose(mediator, calendar, null, null, null, HotspotRanking.OpenObstacles, HotspotsPage.Top, cancellationToken));
}
