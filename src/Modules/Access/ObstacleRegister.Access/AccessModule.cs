using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.Access.ApiKeys;
using ObstacleRegister.Access.Authentication;
using ObstacleRegister.Access.SignIn;
using ObstacleRegister.Access.Units;

namespace ObstacleRegister.Access;

/// <summary>Units, API keys and people: who may act, for which unit, in which roles, and how people sign in.</summary>
public static class AccessModule
{
    public const string AuthenticationScheme = ApiKeyAuthenticationHandler.SchemeName;
    public const string ApiKeyHeader = ApiKeyAuthenticationHandler.HeaderName;

    /// <summary>Registers the API key scheme, people's sessions and sign-in, and the first admin key and person (after migrations).</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var authentication = services.AddAuthentication(AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthenticationScheme, null);
        services.AddOptions<AccessOptions>().BindConfiguration("Access")
            .Validate(o => o.KeyCacheLifetime >= TimeSpan.Zero && o.KeyCacheLifetime <= TimeSpan.FromMinutes(5), "Access:KeyCacheLifetime must be from 0 to 5 minutes.")
            .ValidateOnStart();
        services.AddSingleton<ActiveKeyCache>();
        services.AddHostedService<BootstrapAdminKeyService>();
        services.AddPeopleSignIn(authentication, configuration);
        return services;
    }

    /// <summary>
    /// The <c>reset-admin-key</c> command: revokes every working admin key and makes a new one; answers its secret
    /// (to print once) and how many keys were revoked.
    /// </summary>
    public static async Task<(string Key, int Revoked)> ResetAdminKeysAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var reset = await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new ResetAdminKeys(), ct);
        return (reset.Key, reset.Revoked);
    }

    /// <summary>The <c>sign-in-link</c> command: a fresh link's path for the person with this address, or null when nobody has it.</summary>
    public static async Task<string?> MakeSignInLinkAsync(IServiceProvider services, string email, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new MakeSignInLink(email), ct);
        return token is null ? null : SignInPaths.Link(token, null);
    }

    /// <summary>The sign-in pages and the staff pages Access owns, outside the API.</summary>
    public static IEndpointRouteBuilder MapAccessPages(this IEndpointRouteBuilder app)
    {
        SignIn.SignInEndpoints.MapSignIn(app);
        Desk.DeskEndpoints.MapDesk(app);
        Desk.PeoplePage.MapPeoplePage(app);
        return app;
    }

    public static IEndpointRouteBuilder MapAccess(this IEndpointRouteBuilder api)
    {
        api.MapUnits();
        api.MapApiKeys();
        People.PeopleEndpoints.MapPeople(api);
        Me.MeEndpoints.MapMe(api);
        return api;
    }
}
