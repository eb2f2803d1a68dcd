using System.Globalization;
using System.Text;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Localization;

using ObstacleRegister.Pages;

namespace ObstacleRegister.Reports.Site;

/// <summary>
/// A table of a page: what the page shows, the text alternative of its chart, and its open-data CSV, from one set of
/// cells, so the three can never disagree. Headers are <c>Site.Column.{key}</c> texts on the page and the keys in CSV.
/// </summary>
/// <param name="Name">The table's name in its CSV address: <c>/data/{page}/{name}.csv</c>.</param>
/// <param name="Columns">Column keys.</param>
/// <param name="Rows">Cells: text, whole numbers, decimals, <see cref="Share"/>s, days, enumeration values, or null for none.</param>
public sealed record SiteTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>The cells as open data: invariant numbers, ISO dates, enumeration values as the API writes them.</summary>
    public byte[] ToCsv()
    {
        var csv = new StringBuilder();
        ReportCsv.Line(csv, Columns);
        foreach (var row in Rows)
        {
            ReportCsv.Line(csv, row.Select(Raw));
        }

        return ReportCsv.Encode(csv);
    }

    private static string? Raw(object? cell) => cell switch
    {
        null => null,
        Linked linked => linked.Text,
        DateOnly day => ReportCsv.Day(day),
        bool flag => flag ? "true" : "false",
        Enum value => WireNames.OfAny(value),
        Share share => share.Value.ToString("0.###", CultureInfo.InvariantCulture),
        double number => number.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };

    /// <summary>A cell as a reader of the current language reads it.</summary>
    public static string Shown(object? cell) => cell switch
    {
        null => "—",
        Linked linked => linked.Text,
        DateOnly day => PageFormat.Day(day),
        bool flag => Say.Text(flag ? "Site.Yes" : "Site.No"),
        Enum value => PageFormat.Label(value),
        Share share => PageFormat.Percent(share.Value),
        double number => PageFormat.Tenths(number),
        int number => PageFormat.Number(number),
        _ => cell.ToString() ?? "",
    };

    /// <summary>Numbers are right-aligned, so columns of figures read down.</summary>
    public static bool IsNumber(object? cell) => cell is int or double or Share;
}

/// <summary>A cell naming something with a public page of its own: a link on the page, its text in CSV.</summary>
public readonly record struct Linked(string Text, string Href)
{
    public static Linked? To(string? text, string href) => text is null ? null : new Linked(text, href);
}

/// <summary>A share from 0 to 1: a percentage on the page, the fraction itself in CSV.</summary>
public readonly record struct Share(double Value)
{
    public static Share? Of(double? value) => value is { } v ? new Share(v) : null;
}
