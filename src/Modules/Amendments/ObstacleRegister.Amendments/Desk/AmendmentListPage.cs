using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.List;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.Pages;

namespace ObstacleRegister.Amendments.Desk;

/// <summary>The filters of the amendment list, as its address carries them.</summary>
internal sealed record AmendmentFilter(AmendmentStatus? Status, Guid? DraftingUnitId, bool Overdue, bool Stale, bool AtRisk = false);

/// <summary>One page of amendments as the filter chose them, marked as on the desk, with the units to choose from.</summary>
internal sealed record AmendmentListPageModel(AmendmentsDesk Work, AmendmentFilter Filter, string? NextCursor, IReadOnlyList<UnitSummary> Units)
{
    public string? NextPage => NextCursor is { } cursor ? AmendmentListPage.Address(Filter, cursor) : null;
}

/// <summary>
/// <c>/desk/amendments</c>: the API's amendment list, soonest due first, a page at a time; open work unless a stage
/// is chosen. Where the desk's drafting count leads.
/// </summary>
internal static class AmendmentListPage
{
    public const string Path = "/desk/amendments";

    public const int PageSize = 50;

    public static string Address(AmendmentStatus? status = null, Guid? draftingUnitId = null) =>
        Address(new AmendmentFilter(status, draftingUnitId, false, false));

    public static string Address(AmendmentFilter filter, string? cursor = null)
    {
        var query = QueryString.Empty;
        if (filter.Status is { } status) query = query.Add("status", WireNames.Of(status));
        if (filter.DraftingUnitId is { } unit) query = query.Add("draftingUnitId", unit.ToString());
        if (filter.Overdue) query = query.Add("overdue", "true");
        if (filter.Stale) query = query.Add("stale", "true");
        if (filter.AtRisk) query = query.Add("atRisk", "true");
        if (cursor is not null) query = query.Add("cursor", cursor);
        return Path + query.ToUriComponent();
    }

    public static void MapAmendmentListPage(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (string? status, Guid? draftingUnitId, bool? overdue, bool? stale, bool? atRisk, string? cursor,
                HttpContext http, IMediator mediator, AmendmentClock clock, IOptions<Notices.NoticeOptions> notices, CancellationToken ct) =>
            {
                var filter = new AmendmentFilter(QueryValues.Enum<AmendmentStatus>(status, "status"), draftingUnitId, overdue == true, stale == true, atRisk == true);
                var page = await mediator.Send(new ListAmendments(filter.Status, filter.DraftingUnitId, null, null, filter.Overdue ? true : null,
                    filter.Stale ? true : null, null, PageSize, cursor, Open: filter.Status is null ? true : null, AtRisk: filter.AtRisk ? true : null), ct);
                var work = new AmendmentsDesk(page.Items, clock.Today, notices.Value.DueSoon.Max(), Official: false, filter.DraftingUnitId);
                return await StaffPages.Render<Pages.AmendmentsPage>(http,
                    new AmendmentListPageModel(work, filter, page.NextCursor, await mediator.Send(new GetAllUnits(), ct)));
            })
            .StaffPage();
}
