using MediatR;

namespace ObstacleRegister.Obstacles.Contracts;

/// <summary>Where an obstacle is in its life cycle.</summary>
public enum ObstacleStatus
{
    Submitted,
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

/// <summary>How many obstacles cite a regulation (withdrawn ones excluded).</summary>
public sealed record CountObstaclesCitingRegulation(Guid RegulationId) : IRequest<int>;

/// <summary>
/// An amendment takes these obstacles on: each must be <c>accepted</c> and moves to <c>in_amendment</c>, so an
/// obstacle is in at most one open amendment. An unknown id is a 400 on <c>obstacleIds[i]</c>, an obstacle in
/// another status a 409 (illegal transition). Answers the linked obstacles.
/// </summary>
public sealed record LinkObstaclesToAmendment(Guid AmendmentId, string AmendmentTitle, IReadOnlyList<Guid> ObstacleIds)
    : IRequest<IReadOnlyList<ObstacleSummary>>;

/// <summary>The amendment was cancelled: its obstacles still <c>in_amendment</c> go back to <c>accepted</c>.</summary>
public sealed record ReleaseObstaclesFromAmendment(Guid AmendmentId, IReadOnlyList<Guid> ObstacleIds, string Reason) : IRequest<int>;
