using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.Changes.Contracts;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Reports.Public;

namespace ObstacleRegister.Reports.OpenData;

/// <summary>What a feed follows: the whole register, one regulation (itself, its amendments, the obstacles citing it), or one unit.</summary>
internal enum FeedScope
{
    All,
    Regulation,
    Unit,
}

/// <summary>One thing that happened, told in the reader's language from the public facts as they are now.</summary>
internal sealed record FeedEntry(Guid Id, DateTimeOffset At, string Type, string Title, string Summary, string Link);

/// <param name="SelfPath">The feed's own address.</param>
/// <param name="PagePath">The page it follows.</param>
internal sealed record Feed(string Title, string SelfPath, string PagePath, IReadOnlyList<FeedEntry> Entries);

internal sealed record LoadFeed(FeedScope Scope, Guid? Id) : IQuery<Feed>;

internal sealed class LoadFeedHandler(IMediator mediator) : IRequestHandler<LoadFeed, Feed>
{
    public const int Entries = 50;

    // Obstacles cited by a regulation whose changes its feed reads: the most recently reported ones.
    private const int CitingObstacles = 400;

    /// <summary>
    /// What the public is told: reports (public fields only), answers, work opened, progress, issuance, entry into force,
    /// and the late and at-risk notices. Comments, corrections, reminders and the questions to a unit are not the public's.
    /// </summary>
    public static readonly IReadOnlyList<string> PublicTypes =
    [
        "obstacle.submitted", "obstacle.accepted", "obstacle.rejected", "obstacle.marked_duplicate", "obstacle.linked_to_amendment",
        "obstacle.resolved", "obstacle.resolved_with_master", "obstacle.answer_overdue", "obstacle.confirmed", "obstacle.reopened",
        AmendmentEvents.Type(AmendmentEvents.Opened), AmendmentEvents.Type(AmendmentEvents.ProgressReported),
        AmendmentEvents.Type(AmendmentEvents.DeadlineMoved), AmendmentEvents.Type(AmendmentEvents.Issued),
        AmendmentEvents.Type(AmendmentEvents.EnteredIntoForce), AmendmentEvents.Type(AmendmentEvents.Cancelled),
        AmendmentEvents.Type(AmendmentEvents.Overdue), AmendmentEvents.Type(AmendmentEvents.AtRisk),
        "regulation.registered", "regulation.status_changed",
    ];

    public async Task<Feed> Handle(LoadFeed request, CancellationToken cancellationToken)
    {
        var (title, self, page, unitId, resources) = request.Scope switch
        {
            FeedScope.Regulation => await RegulationScope(request.Id!.Value, cancellationToken),
            FeedScope.Unit => await UnitScope(request.Id!.Value, cancellationToken),
            _ => (Say.Text("Feed.All.Title"), PublicPaths.AllFeed, "/", (Guid?)null, (IReadOnlyCollection<Guid>?)null),
        };
        var changes = await mediator.Send(new ReadRecentChanges(PublicTypes, unitId, resources, Entries), cancellationToken);
        return new Feed(title, self, page, await FeedEntries.Tell(mediator, changes, cancellationToken));
    }

    private async Task<(string, string, string, Guid?, IReadOnlyCollection<Guid>?)> RegulationScope(Guid id, CancellationToken ct)
    {
        var regulation = await mediator.Send(new GetRegulation(id), ct) ?? throw new NotFoundException("regulation", id);
        var amendments = await mediator.Send(new GetAmendmentsTargeting([id]), ct);
        var obstacles = await mediator.Send(new ListObstacleIdsCiting(id, CitingObstacles), ct);
        Guid[] resources = [id, .. amendments.Select(a => a.Id), .. obstacles];
        return (Say.Text("Feed.Regulation.Title", regulation.Symbol), PublicPaths.RegulationFeed(id), PublicPaths.Regulation(id), null, resources);
    }

    private async Task<(string, string, string, Guid?, IReadOnlyCollection<Guid>?)> UnitScope(Guid id, CancellationToken ct)
    {
        var unit = (await Names.Units(mediator, [id], ct)).GetValueOrDefault(id) ?? throw new NotFoundException("unit", id);
        return (Say.Text("Feed.Unit.Title", unit.Name), PublicPaths.UnitFeed(id), $"/responsibility?unitId={id}", id, null);
    }
}
