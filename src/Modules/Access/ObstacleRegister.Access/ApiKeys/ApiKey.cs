using System.Security.Cryptography;
using System.Text;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Security;

namespace ObstacleRegister.Access.ApiKeys;

/// <summary>The role an API key carries.</summary>
internal enum ApiKeyRole
{
    Reporter,
    Drafter,
    Coordinator,
    Admin,
}

/// <summary>An API key as an admin sees it: never its secret.</summary>
/// <param name="Id">The key's id, used to revoke it.</param>
/// <param name="Name">What the key is for (e.g. the integrating system).</param>
/// <param name="UnitId">The unit the key acts for.</param>
/// <param name="Roles">What the key may do.</param>
/// <param name="Prefix">The non-secret start of the key (<c>ork_…</c>), to recognise it in a list.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked; absent while it works.</param>
internal sealed record ApiKeyDto(
    Guid Id, string Name, Guid UnitId, IReadOnlyList<ApiKeyRole> Roles, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just created: the only response that ever contains its secret.</summary>
/// <param name="Secret">The key to send as <c>Authorization: ApiKey …</c> or <c>X-Api-Key</c>. Shown once; store it now.</param>
internal sealed record CreatedApiKeyDto(
    Guid Id, string Name, Guid UnitId, IReadOnlyList<ApiKeyRole> Roles, string Prefix, DateTimeOffset CreatedAt, string Secret);

internal sealed class ApiKeyRow
{
    public Guid Id { get; set; }

    public Guid UnitId { get; set; }

    public string Name { get; set; } = "";

    public string Roles { get; set; } = "";

    public string Prefix { get; set; } = "";

    public string SecretHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedByKeyId { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public IReadOnlyList<ApiKeyRole> RoleList => SplitRoles(Roles);

    /// <summary>Roles as stored (<c>,admin,reporter,</c>), for keys and people alike.</summary>
    public static IReadOnlyList<ApiKeyRole> SplitRoles(string roles) =>
        roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(WireNames.Parse<ApiKeyRole>).ToList();

    public ApiKeyDto ToDto() => new(Id, Name, UnitId, RoleList, Prefix, CreatedAt, RevokedAt);

    /// <summary>Stored with a comma at each end (<c>,admin,reporter,</c>) so one role matches with a plain LIKE on both engines.</summary>
    public static string JoinRoles(IEnumerable<ApiKeyRole> roles) =>
        $",{string.Join(',', roles.Distinct().Order().Select(WireNames.Of))},";
}

internal static class ApiKeyQueries
{
    public const string Columns = """
        id, unit_id, name, roles, prefix, secret_hash,
        created_at, created_by_key_id, revoked_at
        """;

    public const string Insert = """
        INSERT INTO api_key (id, unit_id, name, roles, prefix, secret_hash, created_at, created_by_key_id, revoked_at)
        VALUES (@Id, @UnitId, @Name, @Roles, @Prefix, @SecretHash, @CreatedAt, @CreatedByKeyId, NULL)
        """;
}

/// <summary>
/// Makes and checks key secrets. A generated key reads <c>ork_&lt;keyId&gt;_&lt;secret&gt;</c> with 256 random
/// bits in the secret part; only the SHA-256 of the whole key is stored. A plain hash is enough here, unlike
/// for passwords, because the secret has far too much entropy to guess.
/// </summary>
internal static class ApiKeySecrets
{
    public static (string Key, string Prefix) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = SecretTokens.Random();
        var prefix = $"ork_{keyId}";
        return ($"{prefix}_{secret}", prefix);
    }

    /// <summary>The public part of a bootstrap key whose text the operator chose: its first characters only.</summary>
    public static string PrefixOf(string key) => key.StartsWith("ork_", StringComparison.Ordinal) && key.Length > 16
        ? key[..16]
        : key[..4] + "…";

    public static string Hash(string key) => SecretTokens.Hash(key);

    public static bool Matches(string storedHash, string presentedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(presentedHash));
}
