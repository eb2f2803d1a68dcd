using MediatR;

namespace ObstacleRegister.Regulations.Contracts;

/// <summary>A document related to another, and how.</summary>
public sealed record RelatedRegulation(RegulationChange Change, RegulationSummary Regulation);

/// <summary>What surrounds a regulation: the documents that guide it, those it changes, and those that changed it.</summary>
public sealed record RegulationRelations(
    IReadOnlyList<RegulationSummary> GuidedBy, IReadOnlyList<RelatedRegulation> Changes, IReadOnlyList<RelatedRegulation> ChangedBy);

/// <summary>The relations of one regulation (empty lists for an unknown id).</summary>
public sealed record GetRegulationRelations(Guid Id) : IRequest<RegulationRelations>;

/// <summary>Every regulation after <paramref name="AfterId"/> in id order, at most <paramref name="Limit"/>: the pages of a full dump.</summary>
public sealed record ReadRegulations(Guid? AfterId, int Limit) : IRequest<IReadOnlyList<RegulationSummary>>;
