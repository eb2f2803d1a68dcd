using MediatR;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Http;

namespace ObstacleRegister.Obstacles.List;

/// <summary>The obstacle list as CSV: every obstacle the filters match, newest first, with its unit's code and name.</summary>
internal static class ObstacleListCsv
{
    public static readonly string[] Header =
    [
        "reference", "title", "status", "category", "severity", "proposal", "unit_code", "unit_name", "reported_at", "updated_at", "id",
        "unit_id", "duplicate_of_id",
    ];

    public static CsvDownload.NextPage Pages(ListObstacles filters, IMediator mediator) => async (cursor, ct) =>
    {
        var page = await mediator.Send(filters with { Limit = CsvDownload.PageSize, Cursor = cursor }, ct);
        var units = (await mediator.Send(new GetUnits([.. page.Items.Select(i => i.UnitId).Distinct()]), ct)).ToDictionary(u => u.Id);
        return ([.. page.Items.Select(item => Row(item, units.GetValueOrDefault(item.UnitId)))], page.NextCursor);
    };

    private static string?[] Row(ObstacleListItem item, UnitSummary? unit) =>
    [
        item.Reference, item.Title, WireNames.Of(item.Status), WireNames.Of(item.Category), WireNames.Of(item.Severity), WireNames.Of(item.Proposal),
        unit?.Code, unit?.Name, CsvDownload.Instant(item.CreatedAt), CsvDownload.Instant(item.UpdatedAt), item.Id.ToString(), item.UnitId.ToString(),
        item.DuplicateOfId?.ToString(),
    ];
}
