using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ObstacleRegister.Access.ApiKeys;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Access.Authentication;

/// <summary>
/// Makes sure someone can administer a new register: when no working admin key exists, creates one,
/// either with the operator's <c>Access:BootstrapAdminKey</c> or a random key printed once to the console.
/// </summary>
internal sealed record EnsureBootstrapAdminKey(string? ConfiguredKey) : IRequest<string?>;

internal sealed class EnsureBootstrapAdminKeyHandler(IDbSession db, TimeProvider clock) : IRequestHandler<EnsureBootstrapAdminKey, string?>
{
    public const string RootUnitCode = "REGISTER";

    private const string ActiveAdmins = "SELECT COUNT(*) FROM api_key WHERE revoked_at IS NULL AND roles LIKE '%,admin,%'";

    private const string FindRootUnit = "SELECT id FROM unit WHERE code = @Code";

    private const string InsertRootUnit = """
        INSERT INTO unit (id, code, name, kind, parent_id, created_at, version)
        VALUES (@Id, @Code, @Name, @Kind, NULL, @CreatedAt, 1)
        """;

    /// <returns>The generated key to print, or null when none was generated.</returns>
    public async Task<string?> Handle(EnsureBootstrapAdminKey request, CancellationToken cancellationToken)
    {
        if (await db.ExecuteScalarAsync<int>(ActiveAdmins, null, cancellationToken) > 0)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var unitId = await db.ExecuteScalarAsync<Guid?>(FindRootUnit, new { Code = RootUnitCode }, cancellationToken);
        if (unitId is null)
        {
            unitId = Guid.CreateVersion7();
            await db.ExecuteAsync(InsertRootUnit, new
            {
                Id = unitId,
                Code = RootUnitCode,
                Name = "Quản trị Hệ thống theo dõi vướng mắc pháp lý",
                Kind = WireNames.Of(UnitKind.Other),
                CreatedAt = now,
            }, cancellationToken);
        }

        var (key, prefix) = request.ConfiguredKey is { } configured
            ? (configured, ApiKeySecrets.PrefixOf(configured))
            : ApiKeySecrets.Generate();
        await db.ExecuteAsync(ApiKeyQueries.Insert, new ApiKeyRow
        {
            Id = Guid.CreateVersion7(),
            UnitId = unitId.Value,
            Name = "Bootstrap admin",
            Roles = ApiKeyRow.JoinRoles([ApiKeyRole.Admin]),
            Prefix = prefix,
            SecretHash = ApiKeySecrets.Hash(key),
            CreatedAt = now,
        }, cancellationToken);
        return request.ConfiguredKey is null ? key : null;
    }
}

internal sealed class BootstrapAdminKeyService(IServiceScopeFactory scopes, IConfiguration configuration) : IHostedService
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
        var generated = await mediator.Send(new EnsureBootstrapAdminKey(configured), cancellationToken);
        if (generated is not null)
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
}
