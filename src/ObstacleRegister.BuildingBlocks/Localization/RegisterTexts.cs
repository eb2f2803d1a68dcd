using System.Globalization;

namespace ObstacleRegister.BuildingBlocks.Localization;

/// <summary>Names the shared mechanisms' resources (<c>Texts.resx</c> in English, <c>Texts.vi.resx</c> in Vietnamese); each module has its own beside its code.</summary>
public sealed class Texts;

/// <summary>
/// The register's two languages: an email carries both in one message, so each part asks <see cref="Say.In"/> for its own.
/// </summary>
public static class RegisterTexts
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Both languages, Vietnamese first: the order every bilingual text follows.</summary>
    public static readonly IReadOnlyList<CultureInfo> Both = [Vietnamese, English];

    /// <summary>A date as people of that language write it: 31/03/2026 in Vietnamese, 2026-03-31 in English.</summary>
    public static string Date(CultureInfo culture, DateOnly date) =>
        date.ToString(culture.TwoLetterISOLanguageName == "vi" ? "dd/MM/yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
