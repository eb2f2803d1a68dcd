using System.Text.Json;

namespace ObstacleRegister.Obstacles.Desk;

/// <summary>The amendment an obstacle's page links to, read from the slot Amendments filled without knowing its type.</summary>
internal sealed record LinkedAmendment(Guid Id, string Title);

internal static class ObstaclePages
{
    public static LinkedAmendment? AmendmentOf(ObstacleDto obstacle)
    {
        if (obstacle.Amendment is not { Filled: true, Value: { } value })
        {
            return null;
        }

        var json = JsonSerializer.SerializeToElement(value, JsonSerializerOptions.Web);
        return json.TryGetProperty("id", out var id) && id.TryGetGuid(out var amendmentId)
            ? new LinkedAmendment(amendmentId, json.TryGetProperty("title", out var title) ? title.GetString() ?? "" : "")
            : null;
    }
}
