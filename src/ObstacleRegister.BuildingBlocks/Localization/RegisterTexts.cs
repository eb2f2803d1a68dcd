using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ObstacleRegister.BuildingBlocks.Localization;

/// <summary>Names the register's one set of resources (<c>Texts.resx</c> in English, <c>Texts.vi.resx</c> in Vietnamese).</summary>
public sealed class Texts;

/// <summary>
/// The register's words in a language the caller names, whatever the current request's culture: an email carries both
/// languages in one message, so each part asks for its own.
/// </summary>
public sealed class RegisterTexts(IStringLocalizer<Texts> localizer)
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Both languages, Vietnamese first: the order every bilingual text follows.</summary>
    public static readonly IReadOnlyList<CultureInfo> Both = [Vietnamese, English];

    /// <summary>The text under <paramref name="key"/> in <paramref name="culture"/>, formatted with <paramref name="args"/> in that culture.</summary>
    /// <exception cref="KeyNotFoundException">No resource has that key: a missing text is a defect, never shown as its key.</exception>
    public string Get(CultureInfo culture, string key, params object?[] args)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var text = localizer[key];
            if (text.ResourceNotFound)
            {
                throw new KeyNotFoundException($"The register has no text '{key}'.");
            }

            return args.Length == 0 ? text.Value : string.Format(culture, text.Value, args);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>A date as people of that language write it: 31/03/2026 in Vietnamese, 2026-03-31 in English.</summary>
    public static string Date(CultureInfo culture, DateOnly date) =>
        date.ToString(culture.TwoLetterISOLanguageName == "vi" ? "dd/MM/yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
