using System.Globalization;
using System.Text;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Text;

namespace ObstacleRegister.Reports;

/// <summary>
/// CSV for spreadsheet programs: UTF-8 with a byte order mark (so Vietnamese shows correctly), CRLF lines, every cell
/// escaped by <see cref="CsvCell"/> so no text a unit or regulation carries runs as a formula.
/// </summary>
internal static class ReportCsv
{
    public static void Line(StringBuilder csv, IEnumerable<string?> cells) => csv.AppendJoin(',', cells.Select(CsvCell.Escape)).Append("\r\n");

    public static string Day(DateOnly day) => CsvDownload.Day(day);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static byte[] Encode(StringBuilder csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
}
