using System.Globalization;
using System.Text.RegularExpressions;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Text;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.Submit;

namespace ObstacleRegister.Obstacles.Import;

/// <summary>
/// A column of the import spreadsheet. <paramref name="Key"/> is its stable name (<c>title</c>, <c>regulation_2</c>),
/// what errors name; <paramref name="Field"/> the member of an obstacle's body it fills, what the intake rules name.
/// </summary>
internal sealed record ImportColumn(string Key, string Field, int? Pair = null)
{
    private string Text => Pair is null ? Key : Key[..Key.LastIndexOf('_')];

    /// <summary>The header people read: "Số hiệu văn bản 2" in Vietnamese.</summary>
    public string Header(CultureInfo culture) => Say.In(culture, $"Import.Column.{Text}", Pair ?? 0);
}

/// <summary>
/// The columns an import reads, recognised by their key or by their header in either language, with or without
/// diacritics: a template filled in Vietnamese and a sheet typed by hand in English are read alike.
/// </summary>
internal static partial class ImportColumns
{
    /// <summary>Citation column pairs in the template; more (up to the intake's 20) are read when a sheet adds them.</summary>
    public const int TemplatePairs = 3;

    public static readonly ImportColumn Title = new("title", "title");
    public static readonly ImportColumn Description = new("description", "description");
    public static readonly ImportColumn Category = new("category", "category");
    public static readonly ImportColumn Severity = new("severity", "severity");
    public static readonly ImportColumn Proposal = new("proposal", "proposal");
    public static readonly ImportColumn Impact = new("impact", "impact");
    public static readonly ImportColumn Contact = new("contact", "contact");

    private static readonly IReadOnlyList<ImportColumn> Fixed = [Title, Description, Category, Severity, Proposal, Impact, Contact];

    /// <summary>The columns of the template, in order.</summary>
    public static readonly IReadOnlyList<ImportColumn> Template = [.. Fixed, .. Pairs(TemplatePairs)];

    /// <summary>Without these a sheet cannot be read at all: every row would fail for the same reason.</summary>
    public static readonly IReadOnlyList<ImportColumn> Required = [Title, Description, Category, Severity, Proposal, Regulation(1), Provision(1)];

    private static readonly Dictionary<string, ImportColumn> ByHeader = Known();

    public static ImportColumn Regulation(int pair) => new($"regulation_{pair}", $"regulations[{pair - 1}].regulationId", pair);

    public static ImportColumn Provision(int pair) => new($"provision_{pair}", $"regulations[{pair - 1}].provision", pair);

    /// <summary>The column a header names; null for a header the import does not know.</summary>
    public static ImportColumn? Recognize(string header) => ByHeader.GetValueOrDefault(Normal(header));

    /// <summary>The drop-down choices of an enumerated column, in <paramref name="culture"/>, in the enum's order.</summary>
    public static IReadOnlyList<string> Choices<TEnum>(CultureInfo culture)
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => Say.In(culture, $"Label.{typeof(TEnum).Name}.{WireNames.Of(v)}"))];

    /// <summary>A choice read from a cell: the wire value (<c>overlap</c>) or its label in either language ("Chồng chéo", "chong cheo").</summary>
    public static bool TryChoice<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        var wanted = Normal(text);
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            var wire = WireNames.Of(candidate);
            if (Normal(wire) == wanted || RegisterTexts.Both.Any(c => Normal(Say.In(c, $"Label.{typeof(TEnum).Name}.{wire}")) == wanted))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static IEnumerable<ImportColumn> Pairs(int count) =>
        Enumerable.Range(1, count).SelectMany(n => new[] { Regulation(n), Provision(n) });

    private static Dictionary<string, ImportColumn> Known()
    {
        var known = new Dictionary<string, ImportColumn>(StringComparer.Ordinal);
        foreach (var column in Fixed.Concat(Pairs(NewObstacleRules.MaxRegulations)))
        {
            known[Normal(column.Key)] = column;
            foreach (var culture in RegisterTexts.Both)
            {
                known[Normal(column.Header(culture))] = column;
            }
        }

        return known;
    }

    /// <summary>Folded, with runs of spaces and underscores as one space: "Số hiệu  văn bản_1" and "so hieu van ban 1" match.</summary>
    private static string Normal(string text) => Spaces().Replace(VietnameseText.Fold(text), " ").Trim();

    [GeneratedRegex(@"[\s_]+")]
    private static partial Regex Spaces();

    /// <summary>Every enumerated column with its enum, for the template's lists and the rows' reading.</summary>
    public static readonly IReadOnlyList<(ImportColumn Column, Func<CultureInfo, IReadOnlyList<string>> Choices)> Enumerated =
    [
        (Category, Choices<ObstacleCategory>),
        (Severity, Choices<ObstacleSeverity>),
        (Proposal, Choices<RemedyRoute>),
    ];
}
