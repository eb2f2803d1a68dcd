using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ObstacleRegister.Api.OpenApi;

/// <summary>
/// An example answer for every operation that answers JSON: real answers of a register taken through the README's
/// walk-through (ids and dates as the service wrote them, secrets cut), one per answer schema in
/// <c>ResponseExamples.json</c>. A test fails when an operation has none or an example's fields drift from its schema.
/// Each is written once, under <c>components/examples</c>, and referenced by every answer of its schema (an obstacle's
/// example stood on eight operations).
/// </summary>
internal static class ResponseExamples
{
    private static readonly Lazy<JsonObject> BySchema = new(Load);

    /// <summary>The name an answer's example goes by in the media type's <c>examples</c>.</summary>
    public const string ExampleName = "answer";

    public static Task Apply(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Examples ??= new Dictionary<string, IOpenApiExample>();
        var operations = document.Paths.Values.SelectMany(item => item.Operations?.Values.AsEnumerable() ?? []);
        foreach (var response in operations.SelectMany(o => o.Responses ?? []).Where(r => r.Key.StartsWith('2')).Select(r => r.Value))
        {
            if (response.Content?.TryGetValue("application/json", out var media) == true
                && media.Schema is OpenApiSchemaReference { Reference.Id: { } name }
                && BySchema.Value[name] is { } example)
            {
                if (!document.Components.Examples.ContainsKey(name))
                {
                    document.Components.Examples[name] = new OpenApiExample { Summary = $"A {name} as the register answered it", Value = example.DeepClone() };
                }

                media.Examples = new Dictionary<string, IOpenApiExample> { [ExampleName] = new OpenApiExampleReference(name, document) };
            }
        }

        return Task.CompletedTask;
    }

    private static JsonObject Load()
    {
        using var stream = typeof(ResponseExamples).Assembly.GetManifestResourceStream("openapi/response-examples.json")
            ?? throw new InvalidOperationException("The response examples are not embedded in the service.");
        return JsonNode.Parse(stream)!.AsObject();
    }
}
