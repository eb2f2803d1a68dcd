using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ObstacleRegister.Api.OpenApi;

/// <summary>
/// An amendment's issued document comes in one of two forms, and the document says so (<c>oneOf</c>), so a typed client
/// can send either: a new document by its symbol and dates, or one already registered by its id (its dates then
/// default to the document's). The server binds both into one record and tells them apart by which field is there.
/// </summary>
internal static class IssueBodyForms
{
    public const string Body = "IssueAmendmentBody";
    public const string NewDocument = "IssueNewDocumentBody";
    public const string RegisteredDocument = "IssueRegisteredDocumentBody";

    private static readonly string[] RegisteredFields = ["regulationId", "issuedOn", "effectiveOn"];

    private static JsonObject RegisteredExample => new() { ["regulationId"] = "01a2350e-c1f5-7b3e-9a40-2f5c3b7d9e10" };

    public static Task Apply(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var schemas = document.Components?.Schemas;
        if (schemas?.TryGetValue(Body, out var found) != true || found is not OpenApiSchema { Properties: { } properties } body)
        {
            return Task.CompletedTask;
        }

        schemas[NewDocument] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A new document, registered as a regulation at issuance.",
            Required = new HashSet<string>(body.Required ?? new HashSet<string>(), StringComparer.Ordinal),
            Properties = properties.Where(p => p.Key != "regulationId").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            AdditionalPropertiesAllowed = false,
            Examples = body.Examples,
        };
        schemas[RegisteredDocument] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A document already registered (one amending decree often changes several documents); its dates unless given.",
            Required = new HashSet<string>(["regulationId"], StringComparer.Ordinal),
            Properties = properties.Where(p => RegisteredFields.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            AdditionalPropertiesAllowed = false,
            Examples = [RegisteredExample],
        };
        schemas[Body] = new OpenApiSchema
        {
            Description = "The signed document: a new one by its symbol, or one already registered by its id.",
            OneOf = [new OpenApiSchemaReference(NewDocument, document), new OpenApiSchemaReference(RegisteredDocument, document)],
            Examples = [.. (body.Examples ?? []).Select(e => e.DeepClone()), RegisteredExample],
        };
        return Task.CompletedTask;
    }
}
