using MediatR;

namespace ObstacleRegister.Amendments.Contracts;

/// <summary>Several amendments as the public may read them, by one query; unknown ids are left out.</summary>
public sealed record GetPublicAmendments(IReadOnlyCollection<Guid> Ids) : IRequest<IReadOnlyList<PublicAmendment>>;

/// <summary>A stage an amendment reached and when: no check-in text, no actor.</summary>
public sealed record AmendmentStep(DateTimeOffset At, AmendmentStatus Status);

/// <summary>The stages an amendment went through, oldest first.</summary>
public sealed record GetPublicAmendmentTimeline(Guid Id) : IRequest<IReadOnlyList<AmendmentStep>>;

/// <summary>The obstacles an amendment took on, in the order they were linked.</summary>
public sealed record GetObstacleIdsOfAmendment(Guid Id) : IRequest<IReadOnlyList<Guid>>;

/// <summary>Every amendment (cancelled ones too) that took on any of these obstacles, whatever its stage; one query.</summary>
public sealed record GetAmendmentsOfObstacles(IReadOnlyCollection<Guid> ObstacleIds) : IRequest<IReadOnlyList<ObstacleRemedy>>;
