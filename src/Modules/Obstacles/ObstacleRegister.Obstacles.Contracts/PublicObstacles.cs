using MediatR;

namespace ObstacleRegister.Obstacles.Contracts;

/// <summary>
/// Which obstacles the public may read in full (title, answer, timeline): those the coordinators have answered
/// (accepted, rejected or merged into another), taken into an amendment, or resolved. A report waiting for its answer,
/// or withdrawn, shows only its reference, unit, category and the provisions it cites.
/// </summary>
public static class ObstaclePublicity
{
    public static readonly IReadOnlyList<ObstacleStatus> PublicStatuses =
        [ObstacleStatus.Accepted, ObstacleStatus.Rejected, ObstacleStatus.Duplicate, ObstacleStatus.InAmendment, ObstacleStatus.Resolved];

    public static bool IsPublic(ObstacleStatus status) => PublicStatuses.Contains(status);
}

/// <summary>A provision an obstacle cites, as anyone may read it.</summary>
/// <param name="Provision">As the reporter wrote it, e.g. "Điều 5, khoản 2".</param>
public sealed record CitedProvision(Guid RegulationId, string Provision, int Article, int? Clause, string? Point);

/// <summary>What anyone may know of an obstacle: never its description, impact, contact or intake hints.</summary>
/// <param name="Title">Present once the obstacle is public (<see cref="ObstaclePublicity"/>).</param>
/// <param name="Answer">The reasoned answer of a rejection, once public.</param>
/// <param name="Confirmation">For a resolved obstacle, what its reporting unit said of the result in practice.</param>
public sealed record PublicObstacleFacts(
    Guid Id, long Seq, string Reference, Guid UnitId, ObstacleCategory Category, ObstacleStatus Status, string? Title, string? Answer,
    Guid? DuplicateOfId, DateTimeOffset ReportedAt, DateTimeOffset UpdatedAt, ResultConfirmation? Confirmation, IReadOnlyList<CitedProvision> Citations)
{
    public bool IsPublic => ObstaclePublicity.IsPublic(Status);
}

/// <summary>Several obstacles' public facts at once (one query for the rows, one for their citations); unknown ids are left out.</summary>
public sealed record GetPublicObstacleFacts(IReadOnlyCollection<Guid> Ids) : IRequest<IReadOnlyList<PublicObstacleFacts>>;

/// <summary>A step of an obstacle's public timeline: the status it reached and when; no reason text, no actor.</summary>
public sealed record PublicObstacleStep(DateTimeOffset At, ObstacleStatus Status);

/// <summary>The statuses an obstacle went through, oldest first; empty for an obstacle that is not public.</summary>
public sealed record GetPublicObstacleTimeline(Guid Id) : IRequest<IReadOnlyList<PublicObstacleStep>>;

/// <summary>A page of public facts; <paramref name="NextCursor"/> is absent on the last page.</summary>
public sealed record PublicObstacleFactsPage(IReadOnlyList<PublicObstacleFacts> Items, string? NextCursor);

/// <summary>
/// The public obstacles still waiting for a remedy (accepted or in an amendment) that cite one regulation, by article and
/// then as reported; each obstacle once per article it cites.
/// </summary>
public sealed record ListOpenPublicObstaclesCiting(Guid RegulationId, int Limit, string? Cursor) : IRequest<PublicObstacleFactsPage>;

/// <summary>Every public obstacle after <paramref name="AfterSeq"/> in the order they were reported, at most <paramref name="Limit"/>: the pages of a full dump.</summary>
public sealed record ReadPublicObstacles(long AfterSeq, int Limit) : IRequest<IReadOnlyList<PublicObstacleFacts>>;

/// <summary>The obstacles (any status) citing a regulation, most recently reported first, at most <paramref name="Limit"/>: whose changes a regulation's followers read.</summary>
public sealed record ListObstacleIdsCiting(Guid RegulationId, int Limit) : IRequest<IReadOnlyList<Guid>>;
