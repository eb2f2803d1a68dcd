using System.Text.Json;

namespace ObstacleRegister.Notifications.Outbox;

/// <summary>What an email is rendered from, stored as JSON: its parameters and the lines of its list.</summary>
internal sealed record EmailContent(IReadOnlyDictionary<string, string> Values, IReadOnlyList<IReadOnlyDictionary<string, string>> Items)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static EmailContent FromJson(string json) =>
        JsonSerializer.Deserialize<EmailContent>(json, Json) ?? throw new JsonException("An email's content is empty.");

    /// <summary>A value the template needs; a missing one is a defect of the module that queued it.</summary>
    public string this[string name] =>
        Values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"The email has no value '{name}'.");

    public string? Optional(string name) => Values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}

/// <summary>The comma-separated recipient list as stored.</summary>
internal static class Recipients
{
    public static string Join(IEnumerable<string> addresses) => string.Join(',', addresses);

    public static IReadOnlyList<string> Split(string stored) => stored.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
