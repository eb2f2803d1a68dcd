using Microsoft.AspNetCore.Routing;

namespace ObstacleRegister.Changes;

/// <summary>
/// The change feed: every committed change, in commit order, for clients that follow the register and for the
/// webhooks that push it. The modules write the log through the building blocks' <c>IChangeLog</c>; this module reads it.
/// </summary>
public static class ChangesModule
{
    public static IEndpointRouteBuilder MapChanges(this IEndpointRouteBuilder api) => api.MapChangeFeed();
}
