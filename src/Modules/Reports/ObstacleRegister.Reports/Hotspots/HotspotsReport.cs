using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Reports.Hotspots;

/// <summary>The regulations and provisions causing most obstacles: what the coordinating agency amends first.</summary>
/// <param name="From">First day of reports counted, when bounded.</param>
/// <param name="To">Last day of reports counted, when bounded.</param>
/// <param name="UnitId">The reporting unit counted, when one.</param>
/// <param name="RankBy">How the lists are ordered.</param>
/// <param name="Regulations">Regulations ranked, each with its articles and the amendments targeting it.</param>
/// <param name="Provisions">Articles ranked across every regulation.</param>
internal sealed record HotspotsReport(
    DateOnly? From, DateOnly? To, Guid? UnitId, HotspotRanking RankBy, DateOnly AsOf, IReadOnlyList<RegulationHotspot> Regulations,
    IReadOnlyList<ProvisionHotspot> Provisions);

/// <summary>A regulation obstacles cite.</summary>
/// <param name="Rank">1 for the hottest.</param>
/// <param name="OpenObstacles">Obstacles citing it still waiting for a remedy (submitted, waiting for information, accepted or in an amendment).</param>
/// <param name="UnitsAffected">Distinct units that reported those open obstacles.</param>
/// <param name="ResolvedObstacles">Obstacles citing it that an amendment in force resolved.</param>
/// <param name="Articles">Its cited articles, in article order.</param>
/// <param name="Amendments">Amendments targeting it (cancelled ones left out), newest first: whether a remedy is under way.</param>
internal sealed record RegulationHotspot(
    int Rank, HotspotRegulation Regulation, int OpenObstacles, int UnitsAffected, int ResolvedObstacles, IReadOnlyList<ArticleFigures> Articles,
    IReadOnlyList<HotspotAmendment> Amendments);

/// <summary>One article's figures.</summary>
/// <param name="Provision">The article as written in Vietnamese legal style: <c>Điều 5</c>.</param>
internal sealed record ArticleFigures(int Article, string Provision, int OpenObstacles, int UnitsAffected, int ResolvedObstacles);

/// <summary>An article cited, ranked across every regulation.</summary>
internal sealed record ProvisionHotspot(
    int Rank, HotspotRegulation Regulation, int Article, string Provision, int OpenObstacles, int UnitsAffected, int ResolvedObstacles);

internal sealed record HotspotRegulation(Guid Id, string Symbol, RegulationType Type, string Title, RegulationStatus Status);

/// <summary>An amendment that targets a hotspot.</summary>
/// <param name="Overdue">Open and past its due date, in the register's time zone.</param>
internal sealed record HotspotAmendment(Guid Id, string Title, AmendmentKind Kind, AmendmentStatus Status, DateOnly DueOn, bool Overdue);

/// <summary>The report as an API caller asks for it: coordinators read any scope, a unit its own (the default).</summary>
internal sealed record ReadHotspots(DateOnly? From, DateOnly? To, Guid? UnitId, HotspotRanking RankBy, int Top) : IQuery<HotspotsReport>;

internal sealed class ReadHotspotsHandler(IMediator mediator, ICaller caller, RegisterCalendar calendar) : IRequestHandler<ReadHotspots, HotspotsReport>
{
    public async Task<HotspotsReport> Handle(ReadHotspots request, CancellationToken cancellationToken)
    {
        var coordinator = caller.IsInRole(Roles.Coordinator);
        var unitId = request.UnitId ?? (coordinator ? null : caller.UnitId);
        if (!coordinator && unitId != caller.UnitId)
        {
            throw new ForbiddenException(Say.Text("Problem.Detail.OwnHotspotsOnly"));
        }

        if (request.From > request.To)
        {
            throw RequestValidationException.For("to", Say.Text("Validation.Before", "to", "from"));
        }

        return await HotspotsComposition.Compose(
            mediator, calendar, request.From, request.To, unitId, request.RankBy, request.Top, cancellationToken);
    }
}

/// <summary>The report from the kept tallies, named: for an API caller once their scope is checked, or for the public site.</summary>
internal static class HotspotsComposition
{
    private static readonly AmendmentStatus[] Done = [AmendmentStatus.Issued, AmendmentStatus.InForce, AmendmentStatus.Cancelled];

    public static async Task<HotspotsReport> Compose(
        IMediator mediator, RegisterCalendar calendar, DateOnly? from, DateOnly? to, Guid? unitId, HotspotRanking rankBy, int top,
        CancellationToken cancellationToken)
    {
        var found = await mediator.Send(new GetObstacleHotspots(
            from is { } first ? calendar.StartOfDay(first) : null, to is { } last ? calendar.StartOfDay(last.AddDays(1)) : null,
            unitId, rankBy, top), cancellationToken);
        var ids = found.Regulations.Concat(found.Articles).Select(h => h.RegulationId).Distinct().ToList();
        var regulations = (await mediator.Send(new GetRegulations(ids), cancellationToken))
            .ToDictionary(r => r.Id, r => new HotspotRegulation(r.Id, r.Symbol, r.Type, r.Title, r.Status));
        var amendments = (await mediator.Send(new GetAmendmentsTargeting([.. found.Regulations.Select(r => r.RegulationId)]), cancellationToken))
            .ToLookup(a => a.RegulationId, a => new HotspotAmendment(a.Id, a.Title, a.Kind, a.Status, a.DueOn, !Done.Contains(a.Status) && calendar.Today > a.DueOn));
        var articles = found.ArticlesOfThose.ToLookup(a => a.RegulationId, a => new ArticleFigures(
            a.Article!.Value, Provision(a.Article.Value), a.OpenObstacles, a.UnitsAffected, a.ResolvedObstacles));

        return new HotspotsReport(
            from, to, unitId, rankBy, calendar.Today,
            [.. found.Regulations.Where(h => regulations.ContainsKey(h.RegulationId)).Select((h, i) => new RegulationHotspot(
                i + 1, regulations[h.RegulationId], h.OpenObstacles, h.UnitsAffected, h.ResolvedObstacles, [.. articles[h.RegulationId]], [.. amendments[h.RegulationId]]))],
            [.. found.Articles.Where(h => regulations.ContainsKey(h.RegulationId)).Select((h, i) => new ProvisionHotspot(
                i + 1, regulations[h.RegulationId], h.Article!.Value, Provision(h.Article.Value), h.OpenObstacles, h.UnitsAffected, h.ResolvedObstacles))]);
    }

    private static string Provision(int article) => $"Điều {article}";
}
