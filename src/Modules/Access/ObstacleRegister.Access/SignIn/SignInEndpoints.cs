using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using ObstacleRegister.Access.SignIn.Pages;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Pages;

namespace ObstacleRegister.Access.SignIn;

/// <summary>What the sign-in page shows.</summary>
internal enum SignInStep
{
    AskAddress,
    LinkSent,
    ConfirmLink,
    LinkUnusable,
    Refused,
}

/// <param name="Refusal">Why the provider's account was refused, on <see cref="SignInStep.Refused"/>.</param>
internal sealed record SignInPageModel(SignInStep Step, PageForm Form, string? Refusal = null);

/// <summary>
/// <c>/signin</c> and <c>/signout</c>: through the organisation's provider when one is configured, else with one-time
/// links sent to the person's address. A link is used by a form posted from its page, not by opening it, so a mail
/// scanner that follows links does not spend it.
/// </summary>
internal static class SignInEndpoints
{
    public const string RateLimitPolicy = "sign-in";

    public static void MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(SignInPaths.SignIn, (string? returnUrl, string? refused, HttpContext http, IOptions<OidcOptions> oidc) =>
            refused is not null
                ? StaffPages.Render<SignInPage>(http, new SignInPageModel(SignInStep.Refused, PageForm.Empty, refused), StatusCodes.Status403Forbidden)
                : oidc.Value.Enabled
                    ? Task.FromResult(Results.Challenge(new AuthenticationProperties { RedirectUri = SignInPaths.LocalReturn(returnUrl) }, [ProviderSignIn.Scheme]))
                    : StaffPages.Render<SignInPage>(http, new SignInPageModel(SignInStep.AskAddress, PageForm.With(("returnUrl", returnUrl)))))
            .Anonymous();

        app.MapPost(SignInPaths.SignIn, async (IFormCollection form, HttpContext http, IMediator mediator, IOptions<OidcOptions> oidc) =>
            {
                var input = PageForm.Of(form);
                if (oidc.Value.Enabled)
                {
                    return Results.Challenge(new AuthenticationProperties { RedirectUri = SignInPaths.LocalReturn(input.Optional("returnUrl")) }, [ProviderSignIn.Scheme]);
                }

                var errors = new ValidationErrors();
                if (errors.Required("email", input.Optional("email")))
                {
                    errors.Email("email", input.Value("email"));
                }

                if (errors.Any)
                {
                    return await StaffPages.Render<SignInPage>(http,
                        new SignInPageModel(SignInStep.AskAddress, input.Refused(new RequestValidationException(errors.ToDictionary()))), StatusCodes.Status400BadRequest);
                }

                await mediator.Send(new SendSignInLink(input.Value("email").Trim(), input.Optional("returnUrl")), http.RequestAborted);
                return await StaffPages.Render<SignInPage>(http, new SignInPageModel(SignInStep.LinkSent, input));
            })
            .Anonymous().RequireRateLimiting(RateLimitPolicy);

        app.MapGet(SignInPaths.LinkPage, (string? token, string? returnUrl, HttpContext http) =>
                StaffPages.Render<SignInPage>(http, new SignInPageModel(SignInStep.ConfirmLink, PageForm.With(("token", token), ("returnUrl", returnUrl)))))
            .Anonymous();

        app.MapPost(SignInPaths.LinkPage, async (IFormCollection form, HttpContext http, IMediator mediator, TimeProvider clock) =>
            {
                var input = PageForm.Of(form);
                var person = input.Optional("token") is { } token ? await mediator.Send(new UseSignInLink(token), http.RequestAborted) : null;
                if (person is null)
                {
                    return await StaffPages.Render<SignInPage>(http,
                        new SignInPageModel(SignInStep.LinkUnusable, PageForm.With(("returnUrl", input.Optional("returnUrl")))), StatusCodes.Status400BadRequest);
                }

                await http.SignInAsync(PersonSessions.Scheme, PersonSessions.PrincipalOf(person), PersonSessions.NewSession(clock.GetUtcNow()));
                return Results.Redirect(SignInPaths.LocalReturn(input.Optional("returnUrl")));
            })
            .Anonymous().RequireRateLimiting(RateLimitPolicy);

        app.MapGet(SignInPaths.SignOut, async (HttpContext http, IOptions<OidcOptions> oidc) =>
            {
                var session = await http.AuthenticateAsync(PersonSessions.Scheme);
                var idToken = session.Properties?.GetTokenValue("id_token");
                await http.SignOutAsync(PersonSessions.Scheme);
                return oidc.Value.Enabled && idToken is not null
                    ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/", Items = { ["id_token_hint"] = idToken } }, [ProviderSignIn.Scheme])
                    : Results.Redirect("/");
            })
            .Anonymous();
    }

    private static RouteHandlerBuilder Anonymous(this RouteHandlerBuilder endpoint) => endpoint.AllowAnonymous().ExcludeFromDescription().OverHttps();
}
