using System.Globalization;
using System.Text.RegularExpressions;
using ObstacleRegister.BuildingBlocks.Text;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Reports.OpenData;

/// <summary>
/// A regulation's European Legislation Identifier–style address, <c>/eli/vn/{type}/{year}/{number}</c>: the number is
/// the symbol without its year, folded (no diacritics), lower case, <c>/</c> as <c>-</c>
/// (<c>05/2022/TT-BTTTT</c> → <c>/eli/vn/circular/2022/05-tt-btttt</c>). The year is the symbol's, or the year of issue
/// for a symbol without one. A provision follows the Akoma Ntoso naming: <c>…/art_5/cl_2/pt_a</c>.
/// </summary>
public static partial class Eli
{
    public const string Prefix = "/eli/vn";

    private static readonly IReadOnlyDictionary<RegulationType, string> Types = new Dictionary<RegulationType, string>
    {
        [RegulationType.Constitution] = "constitution",
        [RegulationType.Law] = "law",
        [RegulationType.Ordinance] = "ordinance",
        [RegulationType.NationalAssemblyResolution] = "national-assembly-resolution",
        [RegulationType.Decree] = "decree",
        [RegulationType.GovernmentResolution] = "government-resolution",
        [RegulationType.PrimeMinisterDecision] = "prime-minister-decision",
        [RegulationType.Circular] = "circular",
        [RegulationType.JointCircular] = "joint-circular",
        [RegulationType.ProvincialResolution] = "provincial-resolution",
        [RegulationType.ProvincialDecision] = "provincial-decision",
        [RegulationType.Other] = "other",
    };

    public static string TypeSegment(RegulationType type) => Types[type];

    public static bool IsType(string segment) => Types.Values.Contains(segment, StringComparer.Ordinal);

    /// <summary>The regulation's address, relative to the register's base.</summary>
    public static string PathOf(RegulationSummary regulation)
    {
        var symbol = regulation.Symbol;
        var match = WithYear().Match(symbol);
        var (year, number) = match.Success
            ? (match.Groups["year"].Value, match.Groups["number"].Value + "/" + match.Groups["rest"].Value)
            : (regulation.IssuedOn.Year.ToString(CultureInfo.InvariantCulture), symbol);
        return $"{Prefix}/{Types[regulation.Type]}/{year}/{Fold(number)}";
    }

    /// <summary>The address of one provision: the article, and the clause and point when named.</summary>
    public static string PathOf(RegulationSummary regulation, int article, int? clause, string? point) =>
        PathOf(regulation) + "/" + ProvisionPath(article, clause, point);

    /// <summary><c>art_5/cl_2/pt_a</c>.</summary>
    public static string ProvisionPath(int article, int? clause, string? point) =>
        $"art_{article}" + (clause is { } c ? $"/cl_{c}" + (string.IsNullOrWhiteSpace(point) ? "" : $"/pt_{Fold(point)}") : "");

    /// <summary>The anchor a provision has on its regulation's page: <c>art_5_cl_2</c>.</summary>
    public static string Anchor(int article, int? clause = null, string? point = null) => ProvisionPath(article, clause, point).Replace('/', '_');

    /// <summary>A provision path's anchor, or null when the path is not one (<c>art_5/cl_2</c> → <c>art_5_cl_2</c>).</summary>
    public static string? AnchorOf(string provisionPath) =>
        Provision().IsMatch(provisionPath) ? provisionPath.Replace('/', '_') : null;

    /// <summary>
    /// The symbols an address's number could have been folded from, to look up (the lookup folds diacritics): with
    /// the year put back after the first part, without a year, or in the party style <c>57-NQ/TW</c>.
    /// </summary>
    public static IReadOnlyList<string> CandidateSymbols(int year, string number)
    {
        var parts = number.ToUpperInvariant().Split('-');
        if (parts.Length < 2 || parts.Any(p => p.Length == 0))
        {
            return [];
        }

        var rest = string.Join('-', parts[1..]);
        List<string> candidates = [$"{parts[0]}/{year.ToString(CultureInfo.InvariantCulture)}/{rest}", $"{parts[0]}/{rest}"];
        if (parts.Length > 2)
        {
            candidates.Add($"{parts[0]}-{parts[1]}/{string.Join('-', parts[2..])}");
        }

        return candidates;
    }

    private static string Fold(string text) => VietnameseText.Fold(text).ToLowerInvariant().Replace('/', '-');

    [GeneratedRegex(@"^(?<number>[^/]+)/(?<year>\d{4})/(?<rest>.+)$")]
    private static partial Regex WithYear();

    [GeneratedRegex(@"^art_\d{1,4}(/cl_\d{1,3}(/pt_[a-z]{1,2})?)?$")]
    private static partial Regex Provision();
}
