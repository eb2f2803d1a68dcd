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
