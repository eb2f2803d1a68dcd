using System.Globalization;
using System.Text;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Text;
using ObstacleRegister.Reports.Contracts;

namespace ObstacleRegister.Reports.Progress;

/// <summary>
/// The report as CSV for spreadsheet programs: UTF-8 with a byte order mark (so Vietnamese shows correctly),
/// one row for the scope and one per unit, then the most cited regulations after a blank line. Cells are escaped
/// by <see cref="CsvCell"/>, so no text a unit or regulation carries runs as a formula.
/// </summary>
internal static class ProgressCsv
{
    public static readonly string[] Columns =
    [
        "scope", "unit_id", "unit_code", "unit_name", "period", "from", "to", "as_of",
        "obstacles_received", "obstacles_accepted", "obstacles_rejected", "obstacles_duplicates", "obstacles_withdrawn", "obstacles_resolved",
        "obstacles_waiting_for_information", "obstacles_longest_wait_days",
        "amendments_opened", "amendments_issued", "amendments_in_force", "amendments_cancelled", "amendments_overdue", "amendments_stale",
        "total_days_late", "on_time_rate", "median_days_to_resolution",
        "amendments_due_done_on_time", "amendments_due_done_late", "amendments_due_open_within_deadline", "amendments_due_overdue",
        "answers_due_done_on_time", "answers_due_done_late", "answers_due_open_within_deadline", "answers_due_overdue",
        "amendments_at_risk",
    ];

    /// <summary>The third part: the answers given in the period, over the scope and per coordinating unit.</summary>
    public static readonly string[] AnswerColumns =
        ["scope", "answering_unit_id", "answering_unit_code", "answering_unit_name", "answers", "median_days_to_answer", "answered_within_deadline"];

    public static byte[] Write(ProgressReport report)
    {
        var csv = new StringBuilder();
        Line(csv, Columns);
        Line(csv, [
            .. Row(report, report.UnitId is null ? "register" : "unit", report.UnitId, Code(report), null, report.Obstacles, report.Amendments, report.MedianDaysToResolution),
            .. Deadlines(report.DeadlineStatus), Number(report.Amendments.AtRisk)]);
        foreach (var unit in report.UnitId is null ? report.Units : [])
        {
            Line(csv, [.. Row(report, "unit", unit.UnitId, unit.Code, unit.Name, unit.Obstacles, unit.Amendments, null), .. Deadlines(unit.DeadlineStatus), Number(unit.Amendments.AtRisk)]);
        }

        csv.Append("\r\n");
        Line(csv, AnswerColumns);
        Line(csv, [report.UnitId is null ? "register" : "unit", null, null, null, .. Answers(report.AnswerTime)]);
        foreach (var unit in report.AnswerTimes)
        {
            Line(csv, ["answering_unit", unit.UnitId.ToString(), unit.Code, unit.Name, .. Answers(unit.Answers)]);
        }

        csv.Append("\r\n");
        Line(csv, ["regulation_id", "regulation_symbol", "regulation_title", "obstacles_received"]);
        foreach (var regulation in report.MostCitedRegulations)
        {
            Line(csv, [regulation.RegulationId.ToString(), regulation.Symbol, regulation.Title, Number(regulation.Obstacles)]);
        }

        return ReportCsv.Encode(csv);
    }

    private static string? Code(ProgressReport report) => report.UnitId is { } id ? report.Units.FirstOrDefault(u => u.UnitId == id)?.Code : null;

    private static string?[] Row(
        ProgressReport report, string scope, Guid? unitId, string? code, string? name, ObstacleFigures o, AmendmentFigures a, double? median) =>
    [
        scope, unitId?.ToString(), code, name, WireNames.Of(report.Period), Day(report.From), Day(report.To), Day(report.AsOf),
        Number(o.Received), Number(o.Accepted), Number(o.Rejected), Number(o.Duplicates), Number(o.Withdrawn), Number(o.Resolved),
        Number(o.WaitingForInformation), o.LongestWaitDays is { } wait ? Number(wait) : null,
        Number(a.Opened), Number(a.Issued), Number(a.InForce), Number(a.Cancelled), Number(a.Overdue), Number(a.Stale),
        Number(a.TotalDaysLate), a.OnTimeRate?.ToString("0.###", CultureInfo.InvariantCulture), median?.ToString("0.#", CultureInfo.InvariantCulture),
    ];

    private static string?[] Deadlines(DeadlineFigures d) =>
    [
        Number(d.Amendments.DoneOnTime), Number(d.Amendments.DoneLate), Number(d.Amendments.OpenWithinDeadline), Number(d.Amendments.Overdue),
        Number(d.Answers.DoneOnTime), Number(d.Answers.DoneLate), Number(d.Answers.OpenWithinDeadline), Number(d.Answers.Overdue),
    ];

    private static string?[] Answers(AnswerTime a) =>
    [
        Number(a.Answered), a.MedianDaysToAnswer?.ToString("0.#", CultureInfo.InvariantCulture),
        a.AnsweredWithinDeadline?.ToString("0.###", CultureInfo.InvariantCulture),
    ];

    private static string Day(DateOnly day) => ReportCsv.Day(day);

    private static string Number(int value) => ReportCsv.Number(value);

    private static void Line(StringBuilder csv, IEnumerable<string?> cells) => ReportCsv.Line(csv, cells);
}
