using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.Pages.Components;

namespace ObstacleRegister.Pages;

/// <summary>A problem shown as a page: what a staff page answers instead of the API's problem JSON.</summary>
public sealed record StaffError(int Status, string Detail);

/// <summary>Marks an endpoint whose answers are pages for people, so that what fails before it runs is a page too.</summary>
public sealed class StaffPageMetadata
{
    public static readonly StaffPageMetadata Instance = new();

    private StaffPageMetadata()
    {
    }
}

/// <summary>How a module's staff pages are mapped: for a signed-in person only, outside the API's description.</summary>
public static class StaffEndpoints
{
    /// <summary>The authorization policy of the staff pages: a person's session (registered by Access, which owns sessions).</summary>
    public const string Policy = "StaffSession";

    /// <summary>The authentication scheme of a person's session, by which Access registers it.</summary>
    public const string SessionScheme = "Session";

    /// <summary>
    /// A staff page: needs a session (a request without one is sent to sign in), and a problem its requests raise
    /// (404, 403, 409 …) is shown as a page with the same status, in the person's language.
    /// </summary>
    /// <param name="roles">The roles of which the person needs one, as the API's endpoint for the same work asks of a key.</param>
    public static RouteHandlerBuilder StaffPage(this RouteHandlerBuilder endpoint, params string[] roles) =>
        (roles.Length == 0 ? endpoint.RequireAuthorization(Policy)
            : endpoint.RequireAuthorization(p => p.AddAuthenticationSchemes(SessionScheme).RequireAuthenticatedUser().RequireRole(roles)))
        .ExcludeFromDescription().OverHttps().AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (ProblemException problem) when (problem.Status is >= 400 and < 500)
            {
                return await StaffPages.Render<StaffErrorPage>(context.HttpContext, new StaffError(problem.Status, problem.Message), problem.Status);
            }
        });

    /// <summary>Whether the request is for a staff or sign-in page, whose problems are written as pages rather than JSON.</summary>
    /// <remarks>The exception handler clears the request's endpoint before it runs, and keeps it in its feature.</remarks>
    public static bool IsStaffPage(HttpContext http) =>
        (http.GetEndpoint() ?? http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint)?.Metadata.GetMetadata<StaffPageMetadata>() is not null;

    /// <summary>
    /// A problem raised before the page's handler ran (a form without its anti-forgery token, a value the binder could
    /// not read) as the error page, in the page's language.
    /// </summary>
    public static async Task WriteProblemPage(HttpContext http, int status, string? detail, bool forged)
    {
        PageLanguage.Choose(http);
        var page = await StaffPages.Render<StaffErrorPage>(http, new StaffError(status, forged ? Say.Text("Staff.Forged") : detail ?? ""), status);
        await page.ExecuteAsync(http);
    }

    /// <summary>
    /// Sessions and forms travel over HTTPS only (directly, or as a trusted proxy says): a page asked for over plain
    /// HTTP from another machine is refused, so no session or token ever crosses a network in the clear. The one
    /// exception is this machine itself (loopback), where a developer runs the register without a certificate.
    /// </summary>
    public static RouteHandlerBuilder OverHttps(this RouteHandlerBuilder endpoint) => endpoint.WithMetadata(StaffPageMetadata.Instance).AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        // Before the requests run: their problems and field errors are then written in the page's language.
        PageLanguage.Choose(http);
        if (http.Request.IsHttps || http.Connection.RemoteIpAddress is { } peer && System.Net.IPAddress.IsLoopback(peer))
        {
            return await next(context);
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(Say.Text("Staff.HttpsOnly"), "text/plain; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status403Forbidden);
    });
}
