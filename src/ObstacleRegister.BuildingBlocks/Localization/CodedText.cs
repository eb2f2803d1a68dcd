using System.Globalization;
using System.Text.Json;

namespace ObstacleRegister.BuildingBlocks.Localization;

/// <summary>
/// A sentence the register writes into stored history, kept as a code and its parameters (never the sentence) and
/// rendered in the reader's language when read, from the text <c>{prefix}{code}</c> of the shared resources.
/// </summary>
public sealed record CodedText(string Code, IReadOnlyList<string> Args)
{
    /// <summary>The parameters as stored: a JSON array of strings.</summary>
    public string ArgsJson => JsonSerializer.Serialize(Args);

    /// <summary>A day as a parameter: ISO, the same whatever language the history is read in.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Render(string prefix) => Say.Text(prefix + Code, [.. Args]);

    public static string Render(string prefix, string code, string? argsJson) =>
        new CodedText(code, argsJson is null ? [] : JsonSerializer.Deserialize<string[]>(argsJson) ?? []).Render(prefix);
}
