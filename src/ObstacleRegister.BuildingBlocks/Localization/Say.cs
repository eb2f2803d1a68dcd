using System.Globalization;

namespace ObstacleRegister.BuildingBlocks.Localization;

/// <summary>
/// The register's words in the language of the request being served: its UI culture, chosen from
/// <c>Accept-Language</c> when the request starts. Problem titles, details and field errors are made while the request
/// runs, often far from any service container, so they read the resources directly: the shared ones and each module's.
/// </summary>
public static class Say
{
    /// <summary>The text under <paramref name="key"/> in the current request's language, formatted with <paramref name="args"/>.</summary>
    /// <exception cref="KeyNotFoundException">No resource has that key: a missing text is a defect, never shown as its key.</exception>
    public static string Text(string key, params object?[] args) => In(CultureInfo.CurrentUICulture, key, args);

    /// <summary>The text under <paramref name="key"/> in <paramref name="culture"/>, whatever the request's language.</summary>
    public static string In(CultureInfo culture, string key, params object?[] args)
    {
        var text = TextSources.Find(key, culture) ?? throw new KeyNotFoundException($"The register has no text '{key}'.");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }

    /// <summary>"No obstacle with id '…'." in the request's language, naming the resource by its <c>Resource.*</c> text.</summary>
    public static string NoSuch(string resource, object id) => Text("Problem.Detail.NotFound", Text("Resource." + resource), id);

    /// <summary>The language the current request is answered in, as a <c>Content-Language</c> tag.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "vi" ? "vi" : "en";
}
