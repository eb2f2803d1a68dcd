using MediatR;

namespace ObstacleRegister.Access.Contracts;

/// <summary>A person as a record of their work names them: who did it, by the name their admin gave.</summary>
public sealed record PersonRef(Guid Id, string Name);

/// <summary>A recorded step's actor: the API key or the person who took it (neither when the register did).</summary>
public interface IRecordedActor
{
    Guid? KeyId { get; }

    Guid? PersonId { get; }
}

/// <summary>
/// The names of the keys and people that took these steps, in one request: revoked keys and removed people too, as
/// history still names them; unknown ids are left out.
/// </summary>
public sealed record GetActorNames(IReadOnlyCollection<Guid> KeyIds, IReadOnlyCollection<Guid> PersonIds) : IRequest<ActorNames>
{
    public static GetActorNames Of(IEnumerable<IRecordedActor> steps)
    {
        var list = steps as IReadOnlyCollection<IRecordedActor> ?? [.. steps];
        return new([.. list.Select(s => s.KeyId).OfType<Guid>().Distinct()], [.. list.Select(s => s.PersonId).OfType<Guid>().Distinct()]);
    }

    /// <summary>Only the people's names: for records that name keys by id alone.</summary>
    public static GetActorNames PeopleOf(IEnumerable<IRecordedActor> steps) => new([], [.. steps.Select(s => s.PersonId).OfType<Guid>().Distinct()]);
}

/// <summary>The names <see cref="GetActorNames"/> found.</summary>
public sealed class ActorNames(IReadOnlyDictionary<Guid, string> keys, IReadOnlyDictionary<Guid, string> people)
{
    public static readonly ActorNames None = new(new Dictionary<Guid, string>(), new Dictionary<Guid, string>());

    public string? KeyName(Guid? keyId) => keyId is { } id ? keys.GetValueOrDefault(id) : null;

    public PersonRef? Person(Guid? personId) => personId is { } id && people.TryGetValue(id, out var name) ? new PersonRef(id, name) : null;
}

/// <summary>
/// A one-time sign-in link was made for a person: whoever sends the register's emails sends it to them, in the
/// transaction that made it. <paramref name="Path"/> holds the secret; it is good once, until <paramref name="ExpiresAt"/>.
/// </summary>
/// <param name="LinkId">The link's id: the one email for it.</param>
/// <param name="Path">The link's path under the register's public address, token included.</param>
public sealed record SignInLinkIssued(Guid LinkId, string Email, string Name, string Path, DateTimeOffset ExpiresAt) : INotification;
