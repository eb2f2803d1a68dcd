using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ObstacleRegister.Pages;

namespace ObstacleRegister.Access.SignIn;

/// <summary>People's sign-in: sessions, the provider when configured, one-time links otherwise, anti-forgery for every form.</summary>
internal static class SignInRegistration
{
    public static void AddPeopleSignIn(this IServiceCollection services, AuthenticationBuilder authentication, IConfiguration configuration)
    {
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section)
            .Validate(o => o.IdleTimeout > TimeSpan.Zero && o.AbsoluteLifetime >= o.IdleTimeout,
                "Authentication:Session:IdleTimeout must be positive and AbsoluteLifetime at least as long.")
            .Validate(o => o.RecheckInterval > TimeSpan.Zero && o.RecheckInterval <= TimeSpan.FromMinutes(5),
                "Authentication:Session:RecheckInterval must be more than 0 and at most 5 minutes.")
            .ValidateOnStart();
        services.AddOptions<SignInLinkOptions>().BindConfiguration(SignInLinkOptions.Section)
            .Validate(o => o.Lifetime > TimeSpan.Zero && o.Lifetime <= TimeSpan.FromHours(1) && o.MaxPerLifetime > 0 && o.RequestsPerMinute > 0,
                "Authentication:Links: Lifetime must be more than 0 and at most an hour; MaxPerLifetime and RequestsPerMinute positive.")
            .ValidateOnStart();
        var oidc = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section)
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.ClientId), "Authentication:Oidc:ClientId is required with an Authority.")
            .ValidateOnStart();

        authentication.AddCookie(PersonSessions.Scheme, o =>
        {
            o.Cookie.Name = PersonSessions.CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.Cookie.IsEssential = true;
            o.SlidingExpiration = true;
            o.LoginPath = SignInPaths.SignIn;
            o.LogoutPath = SignInPaths.SignOut;
            o.ReturnUrlParameter = "returnUrl";
            o.Events.OnValidatePrincipal = PersonSessions.Validate;
            // A person without the role a page needs is told so on a page, not sent to a sign-in they already did.
            o.Events.OnRedirectToAccessDenied = async context =>
            {
                PageLanguage.Choose(context.HttpContext);
                var page = await StaffPages.Render<ObstacleRegister.Pages.Components.StaffErrorPage>(
                    context.HttpContext, new StaffError(StatusCodes.Status403Forbidden, BuildingBlocks.Localization.Say.Text("Staff.NoRole")), StatusCodes.Status403Forbidden);
                await page.ExecuteAsync(context.HttpContext);
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(PersonSessions.Scheme).Configure<IOptions<SessionOptions>, TimeProvider>((o, session, clock) =>
        {
            o.ExpireTimeSpan = session.Value.IdleTimeout;
            o.TimeProvider = clock;
        });
        if (oidc.Enabled)
        {
            authentication.AddOpenIdConnect(ProviderSignIn.Scheme, o => Provider(o, oidc));
        }

        services.AddAuthorizationBuilder().AddPolicy(StaffEndpoints.Policy, p => p.AddAuthenticationSchemes(PersonSessions.Scheme).RequireAuthenticatedUser());
        // As the request: Secure over HTTPS. Plain HTTP reaches the staff pages only from this machine (StaffEndpoints),
        // where a developer tries the register with `dotnet run`; the token is then the only secret the cookie guards.
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "register-antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRateLimiter(o => o.AddPolicy(SignInEndpoints.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = http.RequestServices.GetRequiredService<IOptions<SignInLinkOptions>>().Value.RequestsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })));
        services.AddHostedService<FirstAdminService>();
    }

    private static void Provider(OpenIdConnectOptions o, OidcOptions oidc)
    {
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = string.IsNullOrWhiteSpace(oidc.ClientSecret) ? null : oidc.ClientSecret;
        o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        o.ResponseType = "code";
        o.UsePkce = true;
        o.Scope.Clear();
        foreach (var scope in oidc.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            o.Scope.Add(scope);
        }

        o.SignInScheme = PersonSessions.Scheme;
        o.SaveTokens = true;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = true;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.Always;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.Always;
        o.SignedOutRedirectUri = "/";
        o.Events.OnTicketReceived = ProviderSignIn.OnTicketReceived;
        o.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            // A provider without RP-initiated logout: the session here has ended; there is nothing to end there.
            if (string.IsNullOrEmpty(context.ProtocolMessage.IssuerAddress))
            {
                context.HandleResponse();
                context.Response.Redirect("/");
            }
            else if (context.Properties.Items.TryGetValue("id_token_hint", out var hint))
            {
                context.ProtocolMessage.IdTokenHint = hint;
            }

            return Task.CompletedTask;
        };
    }
}
