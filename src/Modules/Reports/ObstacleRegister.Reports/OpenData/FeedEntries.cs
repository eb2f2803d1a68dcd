using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.Changes.Contracts;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Pages;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Reports.Public;

namespace ObstacleRegister.Reports.OpenData;

/// <summary>
/// Turns committed changes into feed entries: the log keeps codes, the entry's words come from the texts
/// <c>Feed.Entry.{type}</c> in the reader's language, filled with what the public may read of the thing now.
/// </summary>
internal static class FeedEntries
{
    public static async Task<IReadOnlyList<FeedEntry>> Tell(IMediator mediator, IReadOnlyList<CommittedChange> changes, CancellationToken ct)
    {
        var obstacles = (await mediator.Send(new GetPublicObstacleFacts([.. IdsOf(changes, "obstacle")]), ct)).ToDictionary(o => o.Id);
        var amendments = (await mediator.Send(new GetPublicAmendments([.. IdsOf(changes, AmendmentEvents.Resource)]), ct)).ToDictionary(a => a.Id);
        var regulationIds = IdsOf(changes, "regulation")
            .Concat(obstacles.Values.SelectMany(o => o.Citations.Select(c => c.RegulationId)))
            .Concat(amendments.Values.Select(a => a.RegulationId));
        var regulations = (await mediator.Send(new GetRegulations([.. regulationIds.Distinct()]), ct)).ToDictionary(r => r.Id);
        var units = await Names.Units(mediator, obstacles.Values.Select(o => o.UnitId).Concat(amendments.Values.Select(a => a.DraftingUnitId)), ct);
        var known = new Known(obstacles, amendments, regulations, units);
        return [.. changes.Select(known.Tell).OfType<FeedEntry>()];
    }

    private static IEnumerable<Guid> IdsOf(IReadOnlyList<CommittedChange> changes, string resource) =>
        changes.Where(c => c.Resource == resource).Select(c => c.ResourceId).Distinct();

    private sealed record Known(
        Dictionary<Guid, PublicObstacleFacts> Obstacles, Dictionary<Guid, PublicAmendment> Amendments,
        Dictionary<Guid, RegulationSummary> Regulations, Dictionary<Guid, PublicUnit> Units)
    {
        public FeedEntry? Tell(CommittedChange change) => change.Resource switch
        {
            "obstacle" when Obstacles.TryGetValue(change.ResourceId, out var obstacle) => Obstacle(change, obstacle),
            AmendmentEvents.Resource when Amendments.TryGetValue(change.ResourceId, out var amendment) => Amendment(change, amendment),
            "regulation" when Regulations.TryGetValue(change.ResourceId, out var regulation) => Regulation(change, regulation),
            _ => null,
        };

        private FeedEntry Obstacle(CommittedChange change, PublicObstacleFacts obstacle)
        {
            var cited = string.Join(", ", obstacle.Citations.Select(c => Regulations.TryGetValue(c.RegulationId, out var r) ? $"{r.Symbol} {c.Provision}" : c.Provision));
            var about = obstacle.Title ?? PageFormat.Label(obstacle.Category);
            var unit = Units.GetValueOrDefault(obstacle.UnitId)?.Name ?? "";
            var title = Say.Text($"Feed.Entry.{change.Type}", obstacle.Reference, unit, about, cited);
            var summary = Say.Text("Feed.Summary.Obstacle", PageFormat.Label(obstacle.Status), PageFormat.Label(obstacle.Category), cited);
            // A report not yet public has no page of its own: its entry points at the first document it cites.
            var link = obstacle.IsPublic ? PublicPaths.Obstacle(obstacle.Id)
                : obstacle.Citations.Count > 0 ? PublicPaths.Regulation(obstacle.Citations[0].RegulationId) + "#" + Eli.Anchor(obstacle.Citations[0].Article)
                : "/";
            return new FeedEntry(change.Id, change.At, change.Type, title, summary, link);
        }

        private FeedEntry Amendment(CommittedChange change, PublicAmendment amendment)
        {
            var symbol = Regulations.GetValueOrDefault(amendment.RegulationId)?.Symbol ?? "";
            var unit = Units.GetValueOrDefault(amendment.DraftingUnitId)?.Name ?? "";
            var due = PageFormat.Day(amendment.DueOn);
            var title = Say.Text($"Feed.Entry.{change.Type}", amendment.Title, unit, PageFormat.Label(amendment.Status), symbol, due);
            var summary = Say.Text("Feed.Summary.Amendment", symbol, unit, PageFormat.Label(amendment.Status), due);
            return new FeedEntry(change.Id, change.At, change.Type, title, summary, PublicPaths.Amendment(amendment.Id));
        }

        private static FeedEntry Regulation(CommittedChange change, RegulationSummary regulation)
        {
            var status = PageFormat.Label(regulation.Status);
            var title = Say.Text($"Feed.Entry.{change.Type}", regulation.Symbol, regulation.Title, status);
            var summary = Say.Text("Feed.Summary.Regulation", PageFormat.Label(regulation.Type), regulation.Title, status);
            return new FeedEntry(change.Id, change.At, change.Type, title, summary, PublicPaths.Regulation(regulation.Id));
        }
    }
}
