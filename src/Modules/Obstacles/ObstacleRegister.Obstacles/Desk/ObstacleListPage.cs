using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.List;
using ObstacleRegister.Pages;

namespace ObstacleRegister.Obstacles.Desk;

/// <summary>One page of obstacles as the list's filters chose them, with the units to name and choose from.</summary>
internal sealed record ObstacleListPageModel(
    Page<ObstacleListItem> Results, ObstacleStatus? Status, Guid? UnitId, string? Q, IReadOnlyList<UnitSummary> Units)
{
    public string UnitName(Guid id) => Units.FirstOrDefault(u => u.Id == id)?.Name ?? "";

    /// <summary>The address of the next page: the same filters, after the last row shown.</summary>
    public string? NextPage => Results.NextCursor is { } cursor ? ObstacleListPage.Address(Status, UnitId, Q, cursor) : null;
}

/// <summary>
/// <c>/desk/obstacles</c>: the API's list (newest first, public fields, paged by cursor) filtered by status, unit and
/// words; where the desk's counts lead.
/// </summary>
internal static class ObstacleListPage
{
    public const string Path = "/desk/obstacles";

    public const int PageSize = 50;

    public static string Address(ObstacleStatus? status = null, Guid? unitId = null, string? q = null, string? cursor = null)
    {
        var query = QueryString.Empty;
        if (status is { } s) query = query.Add("status", WireNames.Of(s));
        if (unitId is { } unit) query = query.Add("unitId", unit.ToString());
        if (q is not null) query = query.Add("q", q);
        if (cursor is not null) query = query.Add("cursor", cursor);
        return Path + query.ToUriComponent();
    }

    public static void MapObstacleListPage(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (string? status, Guid? unitId, string? q, string? cursor, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var chosen = QueryValues.Enum<ObstacleStatus>(status, "status");
                var words = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
                var results = await mediator.Send(new ListObstacles(chosen, unitId, null, null, null, null, null, null, words, PageSize, cursor), ct);
                return await StaffPages.Render<Pages.ObstaclesPage>(http,
                    new ObstacleListPageModel(results, chosen, unitId, words, await mediator.Send(new GetAllUnits(), ct)));
            })
            .StaffPage();
}
