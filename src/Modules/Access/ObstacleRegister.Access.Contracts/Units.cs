using MediatR;

namespace ObstacleRegister.Access.Contracts;

/// <summary>What kind of public body a unit is.</summary>
public enum UnitKind
{
    Ministry,
    Agency,
    Province,
    Commune,
    Other,
}

/// <summary>A unit as other modules see it.</summary>
/// <param name="ContactEmail">Where the unit is reached about its work, if it said.</param>
public sealed record UnitSummary(Guid Id, string Code, string Name, UnitKind Kind, Guid? ParentId, string? ContactEmail = null);

/// <summary>Asks for one unit; null when there is none with that id.</summary>
public sealed record GetUnit(Guid Id) : IRequest<UnitSummary?>;

/// <summary>Asks for several units at once (one query); unknown ids are left out.</summary>
public sealed record GetUnits(IReadOnlyCollection<Guid> Ids) : IRequest<IReadOnlyList<UnitSummary>>;

/// <summary>Every unit, by name: for a form's choice of unit (a register holds hundreds, not millions).</summary>
public sealed record GetAllUnits : IRequest<IReadOnlyList<UnitSummary>>;
