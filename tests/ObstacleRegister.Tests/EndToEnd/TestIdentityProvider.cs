using System.Net;
using System.Security.Claims;
using System.Text;
using System.Globalization;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ObstacleRegister.Tests.EndToEnd;

/// <summary>
/// A real OpenID Connect provider for the browser tests: OpenIddict's server (authorization code with PKCE, ID
/// tokens signed with a key made at start, userinfo, RP-initiated logout) on a port of this machine. It knows the
/// accounts it is given; its sign-in page lets the browser choose one, as a ministry's provider would after a password.
/// It keeps no session, so each sign-in asks again. Stores are not needed for one public client: the requests are
/// checked by the handlers below (OpenIddict's degraded mode).
/// </summary>
internal sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "obstacle-register";

    private readonly WebApplication app;

    private TestIdentityProvider(WebApplication app) => this.app = app;

    /// <summary>An account at the provider: its subject, the address it vouches for, and whether the address is verified.</summary>
    public sealed record Account(string Subject, string Email, string Name, bool EmailVerified = true);

    public string Authority => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";

    public List<Account> Accounts { get; } = [];

    public static async Task<TestIdentityProvider> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication();
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token")
                .SetUserInfoEndpointUris("connect/userinfo").SetEndSessionEndpointUris("connect/logout");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
            server.EnableDegradedMode();
            server.UseAspNetCore().DisableTransportSecurityRequirement()
                .EnableAuthorizationEndpointPassthrough().EnableUserInfoEndpointPassthrough().EnableEndSessionEndpointPassthrough();
            server.AddEventHandler<ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.RedirectUri is not { } uri || !uri.EndsWith("/signin-oidc", StringComparison.Ordinal)
                    || !uri.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or return address.");
                }

                return default;
            }));
            server.AddEventHandler<ValidateTokenRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }

                return default;
            }));
            server.AddEventHandler<ValidateEndSessionRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } uri && !uri.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
                {
                    context.Reject(Errors.InvalidRequest, "Unknown return address.");
                }

                return default;
            }));
        });

        var app = builder.Build();
        var provider = new TestIdentityProvider(app);
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", ["GET", "POST"], provider.Authorize);
        app.MapGet("/connect/userinfo", (Delegate)UserInfo);
        app.MapMethods("/connect/logout", ["GET", "POST"], () =>
            Results.SignOut(new() { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]));
        await app.StartAsync();
        return provider;
    }

    /// <summary>The sign-in page (GET): one button per account, the authorization request carried in hidden fields; then (POST) the account chosen.</summary>
    private IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an authorization request.");
        if (!HttpMethods.IsPost(http.Request.Method) || Accounts.FirstOrDefault(a => a.Subject == http.Request.Form["account"].ToString()) is not { } account)
        {
            var page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Test provider</title></head><body><main><h1>Choose an account</h1>");
            page.Append("<form method=\"post\" action=\"/connect/authorize\">");
            foreach (var (name, value) in request.GetParameters().Select(p => (p.Key, p.Value)))
            {
                page.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(name)}\" value=\"{WebUtility.HtmlEncode(value.ToString())}\">");
            }

            foreach (var choice in Accounts)
            {
                page.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" name=\"account\" value=\"{choice.Subject}\" id=\"account-{choice.Subject}\">{WebUtility.HtmlEncode(choice.Email)}</button>");
            }

            return Results.Content(page.Append("</form></main></body></html>").ToString(), "text/html; charset=utf-8");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Subject).SetClaim(Claims.Email, account.Email).SetClaim(Claims.Name, account.Name)
            .SetClaim(Claims.EmailVerified, account.EmailVerified);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> UserInfo(HttpContext http)
    {
        var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        return principal is null
            ? Results.Challenge(null, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme])
            : Results.Json(new Dictionary<string, object?>
            {
                [Claims.Subject] = principal.GetClaim(Claims.Subject),
                [Claims.Email] = principal.GetClaim(Claims.Email),
                [Claims.EmailVerified] = string.Equals(principal.GetClaim(Claims.EmailVerified), "true", StringComparison.OrdinalIgnoreCase),
                [Claims.Name] = principal.GetClaim(Claims.Name),
            });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
