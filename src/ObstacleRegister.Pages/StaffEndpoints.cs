using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.Pages.Components;

namespace ObstacleRegister.Pages;

/// <summary>A problem shown as a page: what a staff page answers instead of the API's problem JSON.</summary>
public sealed record StaffError(int Status, string Detail);

/// <summary>How a module's staff pages are mapped: for a signed-in person only, outside the API's description.</summary>
public static class StaffEndpoints
{
    /// <summary>The authorization policy of the staff pages: a person's session (registered by Access, which owns sessions).</summary>
    public const string Policy = "StaffSession";

    /// <summary>
    /// A staff page: needs a session (a request without one is sent to sign in), and a problem its requests raise
    /// (404, 403, 409 …) is shown as a page with the same status, in the person's language.
    /// </summary>
    public static RouteHandlerBuilder StaffPage(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization(Policy).ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
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
}
