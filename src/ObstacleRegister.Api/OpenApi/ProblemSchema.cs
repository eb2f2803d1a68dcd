using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ObstacleRegister.Api.OpenApi;

/// <summary>The one problem schema every error answer of the document refers to.</summary>
internal static class ProblemSchema
{
    /// <summary>RFC 9457 with the register's extensions; open to more, as the RFC allows.</summary>
    public static OpenApiSchema Create() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem. `type` names the kind of problem (stable; switch on it), `errors` the fields at fault.",
        Required = new HashSet<string> { "type", "title", "status" },
        AdditionalPropertiesAllowed = true,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI naming the kind of problem, such as urn:obstacle-register:problem:validation.", "uri-reference"),
            ["title"] = Text("A short summary of the kind of problem."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = Text("What went wrong this time."),
            ["instance"] = Text("The path of the request."),
            ["traceId"] = Text("The request's trace id: quote it when reporting a problem."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "For 400: each field at fault (JSON path, such as regulations[0].provision) with its messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["fault"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "For 503 storage-unavailable: what is wrong with the storage under the database.",
                Enum = [JsonValue.Create("full"), JsonValue.Create("read-only"), JsonValue.Create("unreachable"), JsonValue.Create("io-error")],
            },
            ["currentStatus"] = Text("For 409 on a life-cycle move: the resource's status now."),
            ["requestedStatus"] = Text("For 409 on a life-cycle move: the status that was asked for."),
            ["stagesToPass"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "For 409 on an amendment that skipped stages: the stages it must still reach first, in order.",
                Items = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        },
        Examples = [JsonNode.Parse("""
            {"type":"urn:obstacle-register:problem:validation","title":"One or more fields are invalid","status":400,
             "detail":"'title' is required.","instance":"/api/v1/obstacles","traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
             "errors":{"title":["'title' is required."]}}
            """)!],
    };

    private static OpenApiSchema Text(string description, string? format = null) =>
        new() { Type = JsonSchemaType.String, Description = description, Format = format };
}
