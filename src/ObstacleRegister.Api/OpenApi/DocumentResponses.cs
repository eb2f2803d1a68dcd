using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using ObstacleRegister.BuildingBlocks.Idempotency;

namespace ObstacleRegister.Api.OpenApi;

/// <summary>
/// Says in the document what every operation can really answer: one open problem schema for every error, the errors
/// the pipeline adds (401, 403, 406, 413, 415, 429, 503) where they apply, and the headers clients need (ETag, If-Match,
/// If-None-Match, Location, Retry-After, Idempotent-Replayed), so a generated client can read them.
/// </summary>
internal static class DocumentResponses
{
    public const string ProblemSchemaId = "Problem";

    private const string ProblemJson = "application/problem+json";

    public static Task Describe(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchemaId] = ProblemSchema.Create();
        document.Components.Schemas.Remove("ProblemDetails");
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        var problem = new OpenApiSchemaReference(ProblemSchemaId, document);
        foreach (var (path, item) in document.Paths)
        {
            // HEAD is answered wherever GET is (HeadRequests): the same operation, listed once.
            item.Operations?.Remove(HttpMethod.Head);
            foreach (var (method, operation) in item.Operations ?? [])
            {
                Complete(path, method, operation, problem, document);
            }
        }

        foreach (var schema in RequestBodySchemas(document))
        {
            RequiredMeansNotNull(schema, document);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The schemas a request body is made of, nested ones included. Only these are bound leniently; an answer's
    /// nullable field is really nullable, and a generated client must accept its null.
    /// </summary>
    private static IEnumerable<OpenApiSchema> RequestBodySchemas(OpenApiDocument document)
    {
        var schemas = document.Components!.Schemas!;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<IOpenApiSchema>(document.Paths.Values
            .SelectMany(item => item.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.RequestBody?.Content?.Values.AsEnumerable() ?? [])
            .Select(media => media.Schema)
            .OfType<IOpenApiSchema>());
        while (pending.TryPop(out var next))
        {
            if (next is OpenApiSchemaReference { Reference.Id: { } id })
            {
                if (seen.Add(id) && schemas.TryGetValue(id, out var target))
                {
                    pending.Push(target);
                }

                continue;
            }

            if (next is not OpenApiSchema schema)
            {
                continue;
            }

            if (schemas.Values.Contains(schema))
            {
                yield return schema;
            }

            foreach (var nested in (schema.Properties?.Values ?? []).Concat(schema.OneOf ?? []).Append(schema.Items).OfType<IOpenApiSchema>())
            {
                pending.Push(nested);
            }
        }
    }

    private static void Complete(string path, HttpMethod method, OpenApiOperation operation, IOpenApiSchema problem, OpenApiDocument document)
    {
        DescribeBody(operation, document);
        var responses = operation.Responses ??= new OpenApiResponses();
        if (operation.RequestBody is not null)
        {
            responses.TryAdd("413", new OpenApiResponse { Description = "The body is larger than 1 MB." });
            responses.TryAdd("415", new OpenApiResponse { Description = "The body is not application/json." });
        }

        if (path.StartsWith("/api/v1/public/", StringComparison.Ordinal) || path.StartsWith("/api/v1/calendar/", StringComparison.Ordinal))
        {
            responses.TryAdd("429", new OpenApiResponse { Description = "Too many requests from this address; wait as Retry-After says." });
        }

        if (responses.GetValueOrDefault("200")?.Content?.ContainsKey("text/csv") != true)
        {
            responses.TryAdd("406", new OpenApiResponse { Description = "The caller accepts only text/csv, which this operation does not offer." });
        }

        if (method != HttpMethod.Get)
        {
            responses.TryAdd("503", new OpenApiResponse { Description = "The database is busy (database-busy) or its storage cannot take the write (storage-unavailable: full, read-only, unreachable); nothing was written. Retry after Retry-After seconds." });
        }

        var conditional = responses.ContainsKey("412");
        var cached = responses.ContainsKey("304");
        if (conditional)
        {
            AddHeaderParameter(operation, "If-Match", "The ETag the change is based on; a stale one is 412 and nothing is written.");
        }

        if (cached)
        {
            AddHeaderParameter(operation, "If-None-Match", "An ETag already held: 304 without a body when it is still current.");
        }

        var idempotent = operation.Parameters?.Any(p => p.Name == IdempotencyFilter.HeaderName) == true;
        foreach (var code in responses.Keys.ToList())
        {
            var etag = cached ? ETagKind.Revalidate : IsVersioned(responses[code], document) ? ETagKind.Version : ETagKind.None;
            responses[code] = Describe(code, responses[code], problem, etag, idempotent);
        }
    }

    /// <summary>
    /// An answer that is a versioned resource (its schema has <c>version</c>) carries that version as its ETag, read or
    /// written; other answers (a created key, a comment, a feed address) carry none, and the document says none.
    /// </summary>
    private static bool IsVersioned(IOpenApiResponse response, OpenApiDocument document)
    {
        var schema = response.Content is { } content && content.TryGetValue("application/json", out var json) ? json.Schema : null;
        if (schema is OpenApiSchemaReference { Reference.Id: { } id } && document.Components?.Schemas?.TryGetValue(id, out var target) == true)
        {
            schema = target;
        }

        return schema?.Properties?.ContainsKey("version") == true;
    }

    private enum ETagKind
    {
        None,

        /// <summary>The resource's version, for If-Match.</summary>
        Version,

        /// <summary>A tag of the answer's bytes, for If-None-Match.</summary>
        Revalidate,
    }

    private static OpenApiResponse Describe(string code, IOpenApiResponse response, IOpenApiSchema problem, ETagKind etag, bool idempotent)
    {
        var described = new OpenApiResponse
        {
            Description = response.Description,
            Content = response.Content is null ? null : new Dictionary<string, OpenApiMediaType>(response.Content),
            Headers = response.Headers is null ? new Dictionary<string, IOpenApiHeader>() : new Dictionary<string, IOpenApiHeader>(response.Headers),
        };
        var status = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture);
        if (status >= 400)
        {
            described.Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = problem } };
        }

        if (status is 200 or 201 && etag != ETagKind.None)
        {
            described.Headers["ETag"] = Header(etag == ETagKind.Version
                ? "The resource's version: send it as If-Match to change it."
                : "A tag of this answer: send it as If-None-Match to revalidate (304 while it is current).");
        }

        if (status == 201)
        {
            described.Headers["Location"] = Header("Where the new resource is read.");
        }

        if (status == 401)
        {
            described.Headers["WWW-Authenticate"] = Header("How to authenticate: ApiKey realm=\"obstacle-register\".");
        }

        if (status == 200 && described.Content?.Keys.Any(IsDownload) == true)
        {
            described.Headers["Content-Disposition"] = Header("For a download (a CSV or XLSX table, an evidence file): attachment, with the file's name.");
        }

        if (status == 200 && etag == ETagKind.Revalidate)
        {
            described.Headers["Cache-Control"] = Header("public (private for a page in a remembered language), with the max-age it may be reused for.");
            described.Headers["Age"] = Header("Seconds since the service computed this answer, when it serves one it kept (at most max-age).", JsonSchemaType.Integer);
        }

        if (idempotent && status is >= 200 and < 300)
        {
            described.Headers["Idempotent-Replayed"] = Header("true when this is the stored answer to an earlier request with the same Idempotency-Key.");
        }

        if (status is 429 or 503 || (idempotent && status == 409))
        {
            described.Headers["Retry-After"] = Header("Seconds to wait before trying again.", JsonSchemaType.Integer);
        }

        if (described.Headers.Count == 0)
        {
            described.Headers = null;
        }

        return described;
    }

    /// <summary>
    /// A body the endpoint binds as nullable reads <c>oneOf: [null, Body]</c>: the body is its schema, required when it has
    /// required fields or is one of several forms (an absent one is a 400) and optional otherwise (accepting without a note).
    /// </summary>
    private static void DescribeBody(OpenApiOperation operation, OpenApiDocument document)
    {
        if (operation.RequestBody is not OpenApiRequestBody body || body.Content is null)
        {
            return;
        }

        foreach (var media in body.Content.Values)
        {
            if (media.Schema is OpenApiSchema { OneOf: [{ Type: JsonSchemaType.Null }, OpenApiSchemaReference reference] })
            {
                media.Schema = new OpenApiSchemaReference(reference.Reference.Id!, document);
                body.Required = document.Components?.Schemas is { } schemas && schemas.TryGetValue(reference.Reference.Id!, out var target)
                    && target is OpenApiSchema { Required.Count: > 0 } or OpenApiSchema { OneOf.Count: > 0 };
            }
        }
    }

    /// <summary>
    /// The binder reads every body field as nullable so a missing one is a field error in the register's words; the
    /// document says what the validation demands: a required field has a value, so a generated client types it non-null.
    /// </summary>
    private static void RequiredMeansNotNull(OpenApiSchema schema, OpenApiDocument document)
    {
        if (schema.Required is not { Count: > 0 } required || schema.Properties is null)
        {
            return;
        }

        foreach (var name in required.Where(schema.Properties.ContainsKey))
        {
            switch (schema.Properties[name])
            {
                case OpenApiSchema { Type: { } type } property when type.HasFlag(JsonSchemaType.Null):
                    property.Type = type & ~JsonSchemaType.Null;
                    break;
                case OpenApiSchema { OneOf: [{ Type: JsonSchemaType.Null }, OpenApiSchemaReference reference] }:
                    schema.Properties[name] = new OpenApiSchemaReference(reference.Reference.Id!, document);
                    break;
            }
        }
    }

    private static void AddHeaderParameter(OpenApiOperation operation, string name, string description)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.All(p => !string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name, In = ParameterLocation.Header, Required = false, Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }

    /// <summary>Content that is saved rather than read: everything but JSON, the calendar and the site's own pages.</summary>
    private static bool IsDownload(string contentType) =>
        contentType is not ("application/json" or ProblemJson or "text/calendar") && !contentType.StartsWith("text/html", StringComparison.Ordinal);

    private static OpenApiHeader Header(string description, JsonSchemaType type = JsonSchemaType.String) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };


}
