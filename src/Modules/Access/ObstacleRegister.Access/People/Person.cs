using ObstacleRegister.Access.ApiKeys;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;

namespace ObstacleRegister.Access.People;

/// <summary>A person who may sign in to the staff pages, as an admin sees them.</summary>
/// <param name="Id">The person's id.</param>
/// <param name="Email">The address their identity provider vouches for, or where their sign-in links are sent.</param>
/// <param name="Name">Their name as colleagues read it in history.</param>
/// <param name="UnitId">The unit they act for.</param>
/// <param name="Roles">What they may do, as an API key's roles.</param>
/// <param name="CreatedAt">When they were added.</param>
/// <param name="UpdatedAt">When they last changed.</param>
/// <param name="Version">Their version, the number the ETag carries: send it as <c>If-Match</c> to change them.</param>
internal sealed record PersonDto(
    Guid Id, string Email, string Name, Guid UnitId, IReadOnlyList<ApiKeyRole> Roles, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, long Version);

internal sealed class PersonRow
{
    public Guid Id { get; set; }

    public string Email { get; set; } = "";

    public string EmailKey { get; set; } = "";

    public string Name { get; set; } = "";

    public Guid UnitId { get; set; }

    public string Roles { get; set; } = "";

    public string? Subject { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? RemovedAt { get; set; }

    public long Version { get; set; }

    public IReadOnlyList<ApiKeyRole> RoleList => ApiKeyRow.SplitRoles(Roles);

    public PersonDto ToDto() => new(Id, Email, Name, UnitId, RoleList, CreatedAt, UpdatedAt, Version);

    /// <summary>How an address is matched: a provider may spell it in another case.</summary>
    public static string KeyOf(string email) => email.Trim().ToLowerInvariant();
}

internal static class PersonQueries
{
    public const string Columns = "id, email, email_key, name, unit_id, roles, subject, created_at, updated_at, removed_at, version";

    private const string ById = $"SELECT {Columns} FROM person WHERE id = @Id AND removed_at IS NULL";

    public static Task<PersonRow?> Find(IDbSession db, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<PersonRow>(ById, new { Id = id }, ct);

    public static async Task<PersonRow> Get(IDbSession db, Guid id, CancellationToken ct) =>
        await Find(db, id, ct) ?? throw new NotFoundException("person", id);
}
