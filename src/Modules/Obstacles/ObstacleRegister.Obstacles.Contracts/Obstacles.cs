using MediatR;

namespace ObstacleRegister.Obstacles.Contracts;

/// <summary>Where an obstacle is in its life cycle.</summary>
public enum ObstacleStatus
{
    Submitted,
    NeedsInformation,
    Accepted,
    Rejected,
    Duplicate,
    Withdrawn,
    InAmendment,
    Resolved,
}

/// <summary>What kind of legal problem it is.</summary>
public enum ObstacleCategory
{
    Conflict,
    Overlap,
    Unclear,
    Infeasible,
    Gap,
    Outdated,
    ProcedureBurden,
    MissingGuidance,
    Other,
}

/// <summary>How badly it blocks the unit's work.</summary>
public enum ObstacleSeverity
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>The route the reporting unit asks for; amendments take the same values as their kind.</summary>
public enum RemedyRoute
{
    Amend,
    Supplement,
    Replace,
    Repeal,
    NewGuidance,
    Interpretation,
    TemporaryAdjustment,
}

/// <summary>An obstacle as other modules see it.</summary>
/// <param name="DuplicateOfId">The master obstacle, when this one is a duplicate.</param>
public sealed record ObstacleSummary(
    Guid Id, string Reference, ObstacleStatus Status, Guid UnitId, Guid? DuplicateOfId, IReadOnlyList<Guid> RegulationIds);

/// <summary>Asks for several obstacles at once; unknown ids are left out.</summary>
public sealed record GetObstacles(IReadOnlyCollection<Guid> Ids) : IRequest<IReadOnlyList<ObstacleSummary>>;

/// <summary>
/// The obstacle's own view (<c>GET /api/v1/obstacles/{id}</c> and every write that answers it) by the name the
/// modules above fill its slots with: <c>amendment</c> (Amendments).
/// </summary>
public static class ObstacleViews
{
    public const string Detail = "obstacle";
}

/// <summary>
/// The amendment that took these obstacles on has taken effect: those still <c>in_amendment</c> are resolved, and
/// the duplicates that follow them with them. Sent inside the amendment's transaction, so it happens with it or not at all.
/// </summary>
/// <param name="DocumentId">The issued document, kept on each obstacle it resolves: a reopened one names it.</param>
/// <param name="DocumentSymbol">The issued document, named in the obstacles' history.</param>
/// <param name="ActorKeyId">The API key that caused it; absent when the register did it on the effective date.</param>
/// <param name="ActorUnitId">That key's or person's unit.</param>
/// <param name="ActorPersonId">The signed-in person who caused it, when a person did.</param>
public sealed record ResolveObstaclesOfAmendment(
    Guid AmendmentId, string Title, Guid DocumentId, string DocumentSymbol, DateOnly EffectiveOn, IReadOnlyList<Guid> ObstacleIds, Guid? ActorKeyId,
    Guid? ActorUnitId, Guid? ActorPersonId = null)
    : IRequest<Unit>;

/// <summary>
/// An amendment takes these obstacles on: each must be <c>accepted</c> and moves to <c>in_amendment</c>, so an
/// obstacle is in at most one open amendment. An unknown id is a 400 on <c>obstacleIds[i]</c>, an obstacle in
/// another status a 409 (illegal transition). Answers the linked obstacles.
/// </summary>
public sealed record LinkObstaclesToAmendment(Guid AmendmentId, string AmendmentTitle, IReadOnlyList<Guid> ObstacleIds)
    : IRequest<IReadOnlyList<ObstacleSummary>>;

/// <summary>The amendment was cancelled: its obstacles still <c>in_amendment</c> go back to <c>accepted</c>.</summary>
public sealed record ReleaseObstaclesFromAmendment(Guid AmendmentId, IReadOnlyList<Guid> ObstacleIds, string AmendmentTitle, string CancellationReason)
    : IRequest<int>;

/// <summary>What happened to one unit's obstacles in a period: received, and each triage outcome reached.</summary>
/// <param name="UnitId">The reporting unit.</param>
/// <param name="Resolved">Resolved in the period, duplicates resolved with their master included.</param>
/// <param name="WaitingForInformation">Its obstacles waiting for information now, whatever the period.</param>
/// <param name="WaitingSince">When the longest of those waits began.</param>
public sealed record ObstacleActivity(
    Guid UnitId, int Received, int Accepted, int Rejected, int Duplicates, int Withdrawn, int Resolved, int WaitingForInformation = 0,
    DateTimeOffset? WaitingSince = null);

/// <summary>Obstacle figures per reporting unit for the instants [<paramref name="From"/>, <paramref name="To"/>); one unit when <paramref name="UnitId"/> is set.</summary>
public sealed record CountObstacleActivity(DateTimeOffset From, DateTimeOffset To, Guid? UnitId) : IRequest<IReadOnlyList<ObstacleActivity>>;

/// <summary>The whole register's obstacles received and resolved in one period of a trend.</summary>
public sealed record ObstacleTrendPoint(int Received, int Resolved);

/// <summary>
/// Received and resolved in each of the periods [From, To), in their order, counted as <see cref="CountObstacleActivity"/>
/// counts them for the whole register (the same numbers), by one query for all of them.
/// </summary>
public sealed record CountObstacleTrend(IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Periods) : IRequest<IReadOnlyList<ObstacleTrendPoint>>;

/// <summary>The median of days from report to resolution over the obstacles resolved in the period; null when none was.</summary>
public sealed record MedianDaysToResolution(DateTimeOffset From, DateTimeOffset To, Guid? UnitId) : IRequest<double?>;

/// <summary>A reporting unit's median of days from report to resolution.</summary>
public sealed record UnitMedian(Guid UnitId, double MedianDays);

/// <summary>
/// <see cref="MedianDaysToResolution"/> for every reporting unit at once (one query: the engine ranks each unit's
/// durations and returns only the middle rows); units with no resolution in the period are left out.
/// </summary>
public sealed record MedianDaysToResolutionByUnit(DateTimeOffset From, DateTimeOffset To) : IRequest<IReadOnlyList<UnitMedian>>;

/// <summary>How many of the obstacles received in a period cite a regulation.</summary>
public sealed record RegulationObstacleCount(Guid RegulationId, int Obstacles);

/// <summary>The regulations cited by the most obstacles received in the period, most first.</summary>
public sealed record MostCitedRegulations(DateTimeOffset From, DateTimeOffset To, Guid? UnitId, int Top) : IRequest<IReadOnlyList<RegulationObstacleCount>>;

/// <summary>An obstacle's result as the public may read it: never the description, impact, contact or intake hints.</summary>
/// <param name="UnitId">The reporting unit.</param>
/// <param name="Answer">The reasoned answer, for a rejected obstacle.</param>
/// <param name="DuplicateOfId">The obstacle it was merged into, when it was a duplicate.</param>
public sealed record PublishedObstacle(
    Guid Id, string Reference, Guid UnitId, string Title, ObstacleCategory Category, ObstacleStatus Status, string? Answer, Guid? DuplicateOfId,
    DateTimeOffset ReportedAt, DateTimeOffset UpdatedAt, ResultConfirmation? Confirmation = null);

/// <summary>What the reporting unit said of a resolution in practice.</summary>
public enum ResultConfirmation
{
    /// <summary>Not said yet: it is asked to, within <c>Obstacles:ConfirmWithinDays</c> of the resolution.</summary>
    Pending,

    /// <summary>The obstacle is gone in practice.</summary>
    Confirmed,

    /// <summary>It is not: reported again as a new obstacle.</summary>
    Reopened,
}

/// <summary>A page of published results, newest first; <paramref name="NextCursor"/> is absent on the last page.</summary>
public sealed record PublishedObstaclePage(IReadOnlyList<PublishedObstacle> Items, string? NextCursor);

/// <summary>
/// The published results of one status: <c>resolved</c> obstacles or <c>rejected</c> ones with their reasoned
/// answers (any other status is not published). Newest first, from one reporting unit when <paramref name="UnitId"/> is set.
/// </summary>
public sealed record ListPublishedObstacles(ObstacleStatus Status, Guid? UnitId, int Limit, string? Cursor) : IRequest<PublishedObstaclePage>;

/// <summary>What the obstacles citing one regulation (or one article of it) come to.</summary>
/// <param name="Article">The article; null for the regulation as a whole (an obstacle citing two of its articles counts once).</param>
/// <param name="OpenObstacles">Cited by obstacles still waiting for a remedy: submitted, waiting for information, accepted or in an amendment.</param>
/// <param name="UnitsAffected">The distinct units that reported those open obstacles.</param>
/// <param name="ResolvedObstacles">Cited by obstacles an amendment in force has resolved.</param>
public sealed record ObstacleHotspot(Guid RegulationId, int? Article, int OpenObstacles, int UnitsAffected, int ResolvedObstacles);

/// <summary>How hotspots are ordered: open obstacles first, or distinct units affected first; the other breaks ties.</summary>
public enum HotspotRanking
{
    OpenObstacles,
    UnitsAffected,
}

/// <summary>
/// The regulations cited by obstacles reported in [<paramref name="From"/>, <paramref name="To"/>) (each bound optional),
/// of one unit or all, ranked, at most <paramref name="Top"/>; rejected, duplicate and withdrawn reports do not count.
/// </summary>
public sealed record GetObstacleHotspots(DateTimeOffset? From, DateTimeOffset? To, Guid? UnitId, HotspotRanking RankBy, int Top)
    : IRequest<ObstacleHotspots>;

/// <summary>The ranked regulations, the articles of those regulations, and the ranked articles across every regulation.</summary>
public sealed record ObstacleHotspots(
    IReadOnlyList<ObstacleHotspot> Regulations, IReadOnlyList<ObstacleHotspot> ArticlesOfThose, IReadOnlyList<ObstacleHotspot> Articles);

/// <summary>
/// The coordinators' answers due on the days <paramref name="FirstDay"/> to <paramref name="LastDay"/>, per reporting
/// unit, in the four statuses as of <paramref name="AsOf"/>; for one reporting unit when <paramref name="UnitId"/> is set.
/// </summary>
public sealed record CountAnswerDeadlines(DateOnly FirstDay, DateOnly LastDay, DateOnly AsOf, Guid? UnitId) : IRequest<IReadOnlyList<AnswerDeadlines>>;

/// <summary>One reporting unit's answers due in a period: given by the due day, given after it, not given and not due yet, not given and late.</summary>
public sealed record AnswerDeadlines(Guid UnitId, int DoneOnTime, int DoneLate, int OpenWithinDeadline, int Overdue);

/// <summary>
/// The answers given in the instants [<paramref name="From"/>, <paramref name="To"/>), per answering (coordinating)
/// unit; to one reporting unit's reports when <paramref name="UnitId"/> is set.
/// </summary>
public sealed record MeasureAnswerTimes(DateTimeOffset From, DateTimeOffset To, Guid? UnitId) : IRequest<IReadOnlyList<AnswerTimes>>;

/// <summary>One unit's answers: how many, the days each took (register days from the report's wait to the answer), how many by their due day.</summary>
public sealed record AnswerTimes(Guid UnitId, IReadOnlyList<int> Days, int OnTime);
