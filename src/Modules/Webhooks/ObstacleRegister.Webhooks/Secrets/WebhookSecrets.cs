using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Webhooks.Secrets;

/// <summary>
/// Signing secrets are stored sealed with ASP.NET Core Data Protection (<c>dp1:</c> and the protected payload), so a
/// copy of the database or a backup holds nothing that can sign. They are opened only to sign a delivery, with the
/// key ring the host keeps outside the database.
/// </summary>
internal sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private const string Prefix = "dp1:";

    private readonly IDataProtector protector = protection.CreateProtector("ObstacleRegister.Webhooks.SigningSecret.v1");

    public static bool IsSealed(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    public string Seal(string secret) => Prefix + protector.Protect(secret);

    /// <summary>The secret to sign with; one stored before secrets were sealed is read as it is (and sealed at the next start).</summary>
    public string Open(string stored) => IsSealed(stored) ? protector.Unprotect(stored[Prefix.Length..]) : stored;
}

/// <summary>Seals the secrets stored in clear by an earlier version; answers how many.</summary>
internal sealed record SealStoredSecrets : IRequest<int>;

internal sealed class SealStoredSecretsHandler(IDbSession db, WebhookSecrets secrets) : IRequestHandler<SealStoredSecrets, int>
{
    private const string Clear = "SELECT id, secret FROM webhook_endpoint WHERE secret NOT LIKE 'dp1:%'";

    private const string Seal = "UPDATE webhook_endpoint SET secret = @Sealed WHERE id = @Id AND secret = @Secret";

    public async Task<int> Handle(SealStoredSecrets request, CancellationToken cancellationToken)
    {
        var clear = await db.QueryAsync<(Guid Id, string Secret)>(Clear, null, cancellationToken);
        foreach (var (id, secret) in clear)
        {
            await db.ExecuteAsync(Seal, new { Id = id, Secret = secret, Sealed = secrets.Seal(secret) }, cancellationToken);
        }

        return clear.Count;
    }
}

/// <summary>At start, after migrations: no secret stays in clear in the database.</summary>
internal sealed class SealStoredSecretsAtStart(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SealStoredSecrets(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
