using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ObstacleRegister.Access.ApiKeys;
using ObstacleRegister.Access.Authentication;
using ObstacleRegister.Access.People;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Access.SignIn;

/// <summary>
/// A register nobody can sign in to gets its first person: an admin of the administering unit at
/// <see cref="SignInLinkOptions.FirstAdminEmail"/>, with a sign-in link to print once (like the first admin key).
/// </summary>
internal sealed record EnsureFirstAdmin(string Email) : IRequest<string?>;

internal sealed class EnsureFirstAdminHandler(IDbSession db, TimeProvider clock, IMediator mediator) : IRequestHandler<EnsureFirstAdmin, string?>
{
    private const string AnyPerson = "SELECT COUNT(*) FROM person";

    private const string Insert = """
        INSERT INTO person (id, email, email_key, name, unit_id, roles, subject, created_at, updated_at, removed_at, version)
        VALUES (@Id, @Email, @EmailKey, @Name, @UnitId, @Roles, NULL, @Now, @Now, NULL, 1)
        """;

    public async Task<string?> Handle(EnsureFirstAdmin request, CancellationToken cancellationToken)
    {
        await db.SerializeOn("FirstAdmin", cancellationToken);
        if (await db.ExecuteScalarAsync<int>(AnyPerson, null, cancellationToken) > 0)
        {
            return null;
        }

        var unitId = await AdminKeys.RootUnit(db, clock.GetUtcNow(), cancellationToken);
        await db.ExecuteAsync(Insert, new
        {
            Id = Guid.CreateVersion7(), request.Email, EmailKey = PersonRow.KeyOf(request.Email), Name = "Admin", UnitId = unitId,
            Roles = ApiKeyRow.JoinRoles([ApiKeyRole.Admin, ApiKeyRole.Coordinator]), Now = clock.GetUtcNow(),
        }, cancellationToken);
        return await mediator.Send(new MakeSignInLink(request.Email), cancellationToken);
    }
}

/// <summary>At start (registered after the migrations and the first admin key): prints the first admin's sign-in link when the register has nobody yet.</summary>
internal sealed class FirstAdminService(IServiceProvider services, IOptions<SignInLinkOptions> links, IOptions<OidcOptions> oidc)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EnsureFirstAdmin(links.Value.FirstAdminEmail), cancellationToken);
        if (token is not null)
        {
            // The console, not the log: a sign-in link never enters log sinks.
            Console.WriteLine(oidc.Value.Enabled
                ? $"The first admin is {links.Value.FirstAdminEmail}: sign in through the identity provider with that verified address."
                : $"The first admin ({links.Value.FirstAdminEmail}) signs in once, within {links.Value.Lifetime.TotalMinutes:0} minutes, at:");
            if (!oidc.Value.Enabled)
            {
                Console.WriteLine($"    /{SignInPaths.Link(token, null)}");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
