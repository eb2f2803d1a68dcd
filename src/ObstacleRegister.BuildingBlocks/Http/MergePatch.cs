using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Validation;

namespace ObstacleRegister.BuildingBlocks.Http;

/// <summary>JSON Merge Patch (RFC 7396): what a patch names replaces the target's value, null removes it, objects merge.</summary>
public static class MergePatch
{
    public const string MediaType = "application/merge-patch+json";

    /// <summary>The patch document of a request: an object, sent as merge patch (or plain JSON, which reads the same).</summary>
    public static async Task<JsonObject> Read(HttpRequest request, CancellationToken ct)
    {
        RequestBodies.EnsureSent(request);
        var type = request.GetTypedHeaders().ContentType?.MediaType.Value;
        if (type is not (MediaType or "application/json"))
        {
            throw new BadHttpRequestException("A merge patch is application/merge-patch+json.", StatusCodes.Status415UnsupportedMediaType);
        }

        JsonNode? document;
        try
        {
            document = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException json)
        {
            throw new BadHttpRequestException("The patch is not JSON.", StatusCodes.Status400BadRequest, json);
        }

        return document as JsonObject ?? throw RequestValidationException.For("body", Say.Text("Validation.BodyRequired"));
    }

    public static JsonObject Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject patchObject && target[name] is JsonObject targetObject)
            {
                Apply(targetObject, patchObject);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }

        return target;
    }
}
