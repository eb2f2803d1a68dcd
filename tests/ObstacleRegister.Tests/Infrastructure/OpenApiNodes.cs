using System.Text.Json.Nodes;

namespace ObstacleRegister.Tests.Infrastructure;

/// <summary>Reading the OpenAPI document as a client does.</summary>
public static class OpenApiNodes
{
    /// <summary>A node as a client reads it: a reference (<c>$ref</c> to components) followed to what it names.</summary>
    public static JsonNode Resolve(JsonNode document, JsonNode node)
    {
        while (node["$ref"] is { } reference)
        {
            node = reference.GetValue<string>()[2..].Split('/').Aggregate(document, (n, segment) => n[segment]!);
        }

        return node;
    }

    /// <summary>An operation's parameters, shared ones looked up.</summary>
    public static IEnumerable<JsonNode> Parameters(JsonNode document, JsonNode operation) =>
        (operation["parameters"]?.AsArray() ?? []).Select(p => Resolve(document, p!));
}
