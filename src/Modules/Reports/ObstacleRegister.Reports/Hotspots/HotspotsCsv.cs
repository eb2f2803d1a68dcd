using System.Text;
using ObstacleRegister.BuildingBlocks.Data;
using static ObstacleRegister.Reports.ReportCsv;

namespace ObstacleRegister.Reports.Hotspots;

/// <summary>
/// The hotspots as CSV: one row per ranked regulation (article empty) followed by a row per article of it, then, after
/// a blank line, the articles ranked across every regulation.
/// </summary>
internal static class HotspotsCsv
{
    private static readonly string[] Columns =
    [
        "rank", "regulation_id", "regulation_symbol", "regulation_title", "regulation_status", "article", "provision",
        "open_obstacles", "units_affected", "resolved_obstacles", "amendments",
    ];

    public static byte[] Write(HotspotsReport report)
    {
        var csv = new StringBuilder();
        Line(csv, Columns);
        foreach (var hot in report.Regulations)
        {
            var amendments = string.Join("; ", hot.Amendments.Select(a => $"{WireNames.Of(a.Status)} {Day(a.DueOn)}{(a.Overdue ? " overdue" : "")}"));
            Line(csv, [.. Regulation(hot.Rank, hot.Regulation), null, null, Number(hot.OpenObstacles), Number(hot.UnitsAffected), Number(hot.ResolvedObstacles), amendments]);
            foreach (var article in hot.Articles)
            {
                Line(csv, [.. Regulation(hot.Rank, hot.Regulation), Number(article.Article), article.Provision,
                    Number(article.OpenObstacles), Number(article.UnitsAffected), Number(article.ResolvedObstacles), null]);
            }
        }

        csv.Append("\r\n");
        Line(csv, Columns[..^1]);
        foreach (var provision in report.Provisions)
        {
            Line(csv, [.. Regulation(provision.Rank, provision.Regulation), Number(provision.Article), provision.Provision,
                Number(provision.OpenObstacles), Number(provision.UnitsAffected), Number(provision.ResolvedObstacles)]);
        }

        return Encode(csv);
    }

    private static string?[] Regulation(int rank, HotspotRegulation regulation) =>
        [Number(rank), regulation.Id.ToString(), regulation.Symbol, regulation.Title, WireNames.Of(regulation.Status)];
}
