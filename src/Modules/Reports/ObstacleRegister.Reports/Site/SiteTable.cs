using System.Globalization;
using System.Text;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Localization;

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
        DateOnly day => ReportCsv.Day(day),
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
        DateOnly day => SiteFormat.Day(day),
        Enum value => SiteFormat.Label(value),
        Share share => SiteFormat.Percent(share.Value),
        double number => SiteFormat.Tenths(number),
        int number => SiteFormat.Number(number),
        _ => cell.ToString() ?? "",
    };

    /// <summary>Numbers are right-aligned, so columns of figures read down.</summary>
    public static bool IsNumber(object? cell) => cell is int or double or Share;
}

/// <summary>A share from 0 to 1: a percentage on the page, the fraction itself in CSV.</summary>
public readonly record struct Share(double Value)
{
    public static Share? Of(double? value) => value is { } v ? new Share(v) : null;
}

/// <summary>How the site writes dates, numbers and enumeration values in the language of the page.</summary>
public static class SiteFormat
{
    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    /// <summary>31/03/2026 in Vietnamese, as people there write it; the same day as 2026-03-31 in English.</summary>
    public static string Day(DateOnly day) => RegisterTexts.Date(Culture, day);

    /// <summary>A day on a chart's axis: 02/03 in Vietnamese, 2 Mar in English.</summary>
    public static string ShortDay(DateOnly day) =>
        day.ToString(Culture.TwoLetterISOLanguageName == "vi" ? "dd/MM" : "d MMM", Culture.TwoLetterISOLanguageName == "vi" ? CultureInfo.InvariantCulture : RegisterTexts.English);

    /// <summary>A moment in the register's time zone, with its offset: 09:00, 02/03/2026 (UTC+07:00).</summary>
    public static string Moment(DateTimeOffset at) =>
        $"{at.ToString("HH:mm", CultureInfo.InvariantCulture)}, {Day(DateOnly.FromDateTime(at.DateTime))} (UTC{at.ToString("zzz", CultureInfo.InvariantCulture)})";

    public static string Number(int value) => value.ToString("N0", Culture);

    public static string Tenths(double value) => value.ToString("0.#", Culture);

    public static string Percent(double rate) => (rate * 100).ToString("0.#", Culture) + " %";

    /// <summary>The label of an enumeration value: <c>in_amendment</c> is "Đang sửa đổi" in Vietnamese.</summary>
    public static string Label(Enum value) => Say.Text($"Label.{value.GetType().Name}.{WireNames.OfAny(value)}");
}
