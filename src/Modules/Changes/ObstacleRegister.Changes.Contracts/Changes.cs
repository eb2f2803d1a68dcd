using MediatR;

namespace ObstacleRegister.Changes.Contracts;

/// <summary>A committed change with its position in the log, for code that follows the log (webhook fan-out).</summary>
/// <param name="Type">What happened, <c>resource.action</c>.</param>
/// <param name="UnitId">The unit it belongs to, if any.</param>
/// <param name="PersonId">The person whose step it was, when a person's (not a key's or the register's own).</param>
public sealed record CommittedChange(long Position, Guid Id, string Type, string Resource, Guid ResourceId, Guid? UnitId, DateTimeOffset At, Guid? PersonId = null);

/// <summary>The committed changes after <paramref name="AfterPosition"/>, oldest first, at most <paramref name="Limit"/>.</summary>
public sealed record ReadChanges(long AfterPosition, int Limit) : IRequest<IReadOnlyList<CommittedChange>>;

/// <summary>The position of the newest committed change (0 when there is none): where a new follower of the log starts.</summary>
public sealed record GetLatestChangePosition : IRequest<long>;

/// <summary>
/// The newest committed changes of the given types, newest first, at most <paramref name="Limit"/>: of one unit when
/// <paramref name="UnitId"/> is set, of these resources when <paramref name="ResourceIds"/> is (at most 500 of them).
/// </summary>
public sealed record ReadRecentChanges(IReadOnlyCollection<string> Types, Guid? UnitId, IReadOnlyCollection<Guid>? ResourceIds, int Limit)
    : IRequest<IReadOnlyList<CommittedChange>>;
