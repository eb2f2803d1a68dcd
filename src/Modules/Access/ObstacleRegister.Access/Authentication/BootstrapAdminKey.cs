using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ObstacleRegister.Access.ApiKeys;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Access.Authentication;

/// <summary>
/// Makes sure someone can administer a new register: when no working admin key exists, creates one,
/// either with the operator's <c>Access:BootstrapAdminKey</c> or a random key printed once to the console.
/// </summary>
internal sealed record EnsureBootstrapAdminKey(string? ConfiguredKey) : IRequest<BootstrapOutcome>;

/// <param name="GeneratedKey">A key made here, to print once; null when none was made or the configured one was used.</param>
/// <param name="ConfiguredKeyIgnored">A key was configured but the register already has a working admin key.</param>
internal sealed record BootstrapOutcome(string? GeneratedKey, bool ConfiguredKeyIgnored);

internal sealed class EnsureBootstrapAdminKeyHandler(IDbSession db, TimeProvider clock) : IRequestHandler<EnsureBootstrapAdminKey, BootstrapOutcome>
{
    public async Task<BootstrapOutcome> Handle(EnsureBootstrapAdminKey request, CancellationToken cancellationToken)
    {
        if (await db.ExecuteScalarAsync<int>(AdminKeys.CountActive, null, cancellationToken) > 0)
        {
            return new BootstrapOutcome(null, request.ConfiguredKey is not null);
        }

        var key = await AdminKeys.Create(db, clock.GetUtcNow(), request.ConfiguredKey, "Bootstrap admin", cancellationToken);
        return new BootstrapOutcome(request.ConfiguredKey is null ? key : null, false);
    }
}

/// <summary>
/// The way back from lost admin keys, for whoever runs the service on its server (<c>reset-admin-key</c>): every
/// working admin key is revoked and a new one made, to be printed once. Anyone who can run the service there can
/// already read its database, so it asks for nothing more.
/// </summary>
internal sealed record ResetAdminKeys : IRequest<AdminKeyReset>;

/// <param name="Key">The new admin key's secret.</param>
/// <param name="Revoked">How many admin keys stopped working.</param>
internal sealed record AdminKeyReset(string Key, int Revoked);

internal sealed class ResetAdminKeysHandler(IDbSession db, TimeProvider clock) : IRequestHandler<ResetAdminKeys, AdminKeyReset>
{
    private const string RevokeAdmins = "UPDATE api_key SET revoked_at = @Now WHERE revoked_at IS NULL AND roles LIKE '%,admin,%'";

    public async Task<AdminKeyReset> Handle(ResetAdminKeys request, CancellationToken cancellationToken)
    {
        // The same lock as revoking one admin key: a revocation meanwhile must not count a key this one revokes.
        await db.SerializeOn("AdminKeys", cancellationToken);
        var now = clock.GetUtcNow();
        var revoked = await db.ExecuteAsync(RevokeAdmins, new { Now = now }, cancellationToken);
        var key = await AdminKeys.Create(db, now, configuredKey: null, "Admin (reset on the server)", cancellationToken);
        return new AdminKeyReset(key, revoked);
    }
}

/// <summary>What making an admin key takes: the register's own administering unit, and the key in it.</summary>
internal static class AdminKeys
{
    public const string RootUnitCode = "REGISTER";

    public const string CountActive = "SELECT COUNT(*) FROM api_key WHERE revoked_at IS NULL AND roles LIKE '%,admin,%'";

    private const string FindRootUnit = "SELECT id FROM unit WHERE code = @Code";

    private const string InsertRootUnit = """
        INSERT INTO unit (id, code, name, kind, parent_id, created_at, version)
        VALUES (@Id, @Code, @Name, @Kind, NULL, @CreatedAt, 1)
        """;

    /// <summary>The administering unit's id, registered first when missing.</summary>
    public static async Task<Guid> RootUnit(IDbSession db, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.ExecuteScalarAsync<Guid?>(FindRootUnit, new { Code = RootUnitCode }, ct) is { } existing)
        {
            return existing;
        }

        var unitId = Guid.CreateVersion7();
        await db.ExecuteAsync(InsertRootUnit, new
        {
            Id = unitId,
            Code = RootUnitCode,
            Name = "Quản trị Hệ thống theo dõi vướng mắc pháp lý",
            Kind = WireNames.Of(UnitKind.Other),
            CreatedAt = now,
        }, ct);
        return unitId;
    }

    /// <summary>Makes an admin key of the administering unit (registered first when missing) and answers its secret.</summary>
    public static async Task<string> Create(IDbSession db, DateTimeOffset now, string? configuredKey, string name, CancellationToken ct)
    {
        var unitId = await RootUnit(db, now, ct);

        var (key, prefix) = configuredKey is { } configured ? (configured, ApiKeySecrets.PrefixOf(configured)) : ApiKeySecrets.Generate();
        await db.ExecuteAsync(ApiKeyQueries.Insert, new ApiKeyRow
        {
            Id = Guid.CreateVersion7(),
            UnitId = unitId,
            Name = name,
            Roles = ApiKeyRow.JoinRoles([ApiKeyRole.Admin]),
            Prefix = prefix,
            SecretHash = ApiKeySecrets.Hash(key),
            CreatedAt = now,
        }, ct);
        return key;
    }
}

internal sealed partial class BootstrapAdminKeyService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<BootstrapAdminKeyService> logger)
    : IHostedService
{
    public const string ConfigurationKey = "Access:BootstrapAdminKey";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = configuration[ConfigurationKey];
        if (configured is not null && (configured.Length < 32 || configured.Any(char.IsControl) || configured.Any(char.IsWhiteSpace)))
        {
            throw new InvalidOperationException($"{ConfigurationKey} must be at least 32 printable characters without spaces.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var outcome = await mediator.Send(new EnsureBootstrapAdminKey(configured), cancellationToken);
        if (outcome.ConfiguredKeyIgnored)
        {
            LogConfiguredKeyIgnored(logger, ConfigurationKey);
        }

        if (outcome.GeneratedKey is { } generated)
        {
            // Written to the console on purpose, not to the log: keys never enter log sinks.
            Console.WriteLine();
            Console.WriteLine("An admin API key was created for this new register. It is shown this once; keep it safe:");
            Console.WriteLine($"    {generated}");
            Console.WriteLine("Send it as 'Authorization: ApiKey <key>'. Try it at /swagger.");
            Console.WriteLine();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} is set but not used: the register already has a working admin key. " +
        "To replace lost admin keys, run the service once with the command reset-admin-key (docs/operations.md).")]
    private static partial void LogConfiguredKeyIgnored(ILogger logger, string setting);
}
