using System.Globalization;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Pages;

/// <summary>How the pages write dates, numbers and enumeration values in the language of the page.</summary>
public static class PageFormat
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

    /// <summary>An instant as it reads in <paramref name="zone"/> (the register's time zone).</summary>
    public static string Moment(DateTimeOffset at, TimeZoneInfo zone) => Moment(TimeZoneInfo.ConvertTime(at, zone));

    public static string Number(int value) => value.ToString("N0", Culture);

    public static string Tenths(double value) => value.ToString("0.#", Culture);

    public static string Percent(double rate) => (rate * 100).ToString("0.#", Culture) + " %";

    /// <summary>The label of an enumeration value: <c>in_amendment</c> is "Đang sửa đổi" in Vietnamese.</summary>
    public static string Label(Enum value) => Say.Text($"Label.{value.GetType().Name}.{WireNames.OfAny(value)}");

    /// <summary>Every value of an enumeration as a form's options: its wire name and its label.</summary>
    public static IReadOnlyList<(string Value, string Label)> Options<TEnum>()
        where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(v => (WireNames.OfAny(v), Label(v)))];
}
