using System.Globalization;
using MediatR;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Amendments.List;

/// <summary>The amendment list as CSV: every amendment the filters match, soonest due first, with its target and drafting unit.</summary>
internal static class AmendmentListCsv
{
    public static readonly string[] Header =
    [
        "title", "kind", "status", "due_on", "days_overdue", "overdue", "stale", "regulation_symbol", "drafting_unit_code", "drafting_unit_name",
        "responsible_official", "responsible_position", "last_progress_at", "updated_at", "id", "regulation_id", "drafting_unit_id",
    ];

    public static CsvDownload.NextPage Pages(ListAmendments filters, IMediator mediator) => async (cursor, ct) =>
    {
        var page = await mediator.Send(filters with { Limit = CsvDownload.PageSize, Cursor = cursor }, ct);
        var units = (await mediator.Send(new GetUnits([.. page.Items.Select(i => i.DraftingUnitId).Distinct()]), ct)).ToDictionary(u => u.Id);
        var regulations = (await mediator.Send(new GetRegulations([.. page.Items.Select(i => i.RegulationId).Distinct()]), ct)).ToDictionary(r => r.Id);
        return ([.. page.Items.Select(item => Row(item, regulations.GetValueOrDefault(item.RegulationId), units.GetValueOrDefault(item.DraftingUnitId)))],
            page.NextCursor);
    };

    private static string?[] Row(AmendmentListItem item, RegulationSummary? regulation, UnitSummary? unit) =>
    [
        item.Title, WireNames.Of(item.Kind), WireNames.Of(item.Status), CsvDownload.Day(item.DueOn),
        item.DaysOverdue.ToString(CultureInfo.InvariantCulture), Flag(item.Overdue), Flag(item.Stale), regulation?.Symbol, unit?.Code, unit?.Name,
        item.ResponsibleOfficial.Name, item.ResponsibleOfficial.Position, CsvDownload.Instant(item.LastProgressAt), CsvDownload.Instant(item.UpdatedAt), item.Id.ToString(),
        item.RegulationId.ToString(), item.DraftingUnitId.ToString(),
    ];

    private static string Flag(bool value) => value ? "true" : "false";
}
