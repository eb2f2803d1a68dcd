using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ObstacleRegister.BuildingBlocks.Text;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Regulations.Symbols;

/// <summary>
/// The số, ký hiệu of a document. Accepted forms (any case, with or without diacritics):
/// <c>13/2023/NĐ-CP</c>, <c>01/2024/TT-BTTTT</c>, <c>24/2018/QH14</c> (number/year/issuer code);
/// <c>03/NQ-CP</c>, <c>286/KH-BTTTT</c> (number/type-issuer, no year); <c>57-NQ/TW</c> (number-type/issuer).
/// </summary>
internal static partial class RegulationSymbol
{
    public const int MaxLength = 50;

    /// <summary>The symbol as stored: trimmed, composed (NFC), upper case, inner spaces removed.</summary>
    public static string Normalize(string symbol) =>
        string.Concat(symbol.Normalize(NormalizationForm.FormC).Where(c => !char.IsWhiteSpace(c)))
            .ToUpper(CultureInfo.InvariantCulture);

    /// <summary>What makes two symbols the same document: folded, so <c>ND-CP</c> equals <c>NĐ-CP</c>.</summary>
    public static string Key(string symbol) => VietnameseText.Fold(Normalize(symbol));

    /// <summary>Null when the symbol has one of the accepted forms, otherwise why not.</summary>
    public static string? Problem(string symbol)
    {
        var normalized = Normalize(symbol);
        if (normalized.Length > MaxLength)
        {
            return $"'symbol' must be at most {MaxLength} characters.";
        }

        var match = WithYear().Match(normalized);
        if (match.Success)
        {
            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            return year is >= 1945 and <= 2100 ? null : $"'symbol' has the year {year}, which is not plausible.";
        }

        return WithoutYear().IsMatch(normalized) || PartyStyle().IsMatch(normalized)
            ? null
            : "'symbol' must look like 13/2023/NĐ-CP, 01/2024/TT-BTTTT, 24/2018/QH14, 03/NQ-CP or 57-NQ/TW.";
    }

    /// <summary>The year written in the symbol, when it has one (<c>13/2023/NĐ-CP</c> → 2023).</summary>
    public static int? Year(string symbol)
    {
        var match = WithYear().Match(Normalize(symbol));
        return match.Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// The type a symbol's code names, when it names one: <c>NĐ-CP</c> a decree, <c>TT-…</c> a circular, <c>TTLT-…</c> a
    /// joint circular, <c>NQ-CP</c> a government resolution, <c>QĐ-TTg</c> a Prime Minister's decision, <c>NQ-HĐND</c> and
    /// <c>QĐ-UBND</c> a province's, <c>PL-UBTVQH…</c> an ordinance. <c>QH14</c> (a law or a resolution) and party
    /// documents name none.
    /// </summary>
    public static RegulationType? TypeNamed(string symbol)
    {
        var key = Key(symbol).ToUpperInvariant();
        if (PartyStyle().IsMatch(key))
        {
            return null;
        }

        var codes = key[(key.LastIndexOf('/') + 1)..].Split('-');
        var issuer = codes.Length > 1 ? codes[1] : "";
        return codes[0] switch
        {
            "ND" when issuer == "CP" => RegulationType.Decree,
            "TT" when codes.Length > 1 => RegulationType.Circular,
            "TTLT" when codes.Length > 1 => RegulationType.JointCircular,
            "NQ" when issuer == "CP" => RegulationType.GovernmentResolution,
            "NQ" when issuer == "HDND" => RegulationType.ProvincialResolution,
            "QD" when issuer == "TTG" => RegulationType.PrimeMinisterDecision,
            "QD" when issuer == "UBND" => RegulationType.ProvincialDecision,
            "PL" when issuer.StartsWith("UBTVQH", StringComparison.Ordinal) => RegulationType.Ordinance,
            _ => null,
        };
    }

    // number / year / code[-code…]: NĐ-CP, TT-BTTTT, QH14, TTLT-BTC-BTTTT, QĐ-UBND
    [GeneratedRegex(@"^\d{1,5}[A-Z]?/(?<year>\d{4})/\p{Lu}{1,10}\d{0,2}(-[\p{Lu}\d]{1,15})*$")]
    private static partial Regex WithYear();

    // number / type-issuer[-issuer…]: 03/NQ-CP, 286/KH-BTTTT
    [GeneratedRegex(@"^\d{1,5}/\p{Lu}{1,10}(-[\p{Lu}\d]{1,15})+$")]
    private static partial Regex WithoutYear();

    // number-type / issuer: 57-NQ/TW, 45-KL/TW
    [GeneratedRegex(@"^\d{1,5}-\p{Lu}{1,10}/[\p{Lu}\d]{1,15}(-[\p{Lu}\d]{1,15})*$")]
    private static partial Regex PartyStyle();
}
