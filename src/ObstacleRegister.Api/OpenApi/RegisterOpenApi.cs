using ObstacleRegister.BuildingBlocks.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ObstacleRegister.Access;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Idempotency;

namespace ObstacleRegister.Api.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and Swagger UI over it at <c>/swagger</c>.</summary>
internal static class RegisterOpenApi
{
    public const string SecuritySchemeId = "ApiKey";

    /// <summary>The same key in <c>Authorization: ApiKey &lt;key&gt;</c>, the form the start-up banner prints.</summary>
    public const string AuthorizationSchemeId = "ApiKeyAuthorization";

    public static IServiceCollection AddRegisterOpenApi(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<OpenApiInfoOptions>(configuration.GetSection(OpenApiInfoOptions.Section)).AddOpenApi(options =>
        {
            options.AddDocumentTransformer(DescribeDocument);
            options.AddDocumentTransformer(EventTypeSchemas.Apply);
            options.AddDocumentTransformer(ViewSlotSchemas.Apply);
            options.AddDocumentTransformer(IssueBodyForms.Apply);
            options.AddDocumentTransformer(DocumentResponses.Describe);
            options.AddDocumentTransformer(SharedResponses.Apply);
            options.AddDocumentTransformer(ParameterDescriptions.Describe);
            options.AddDocumentTransformer(ResponseExamples.Apply);
            options.AddDocumentTransformer(InlineFileFields);
            options.AddDocumentTransformer(SharedParameters.Apply);
            options.AddOperationTransformer(RequireKeyWhereNeeded);
            options.AddOperationTransformer(DescribeEnumParameters);
            options.AddOperationTransformer(DescribeCsv);
            options.AddSchemaTransformer(OpenApiExamples.Apply);
            options.AddSchemaTransformer(DescribeDates);
            options.AddSchemaTransformer(KeepEnumsToTheirType);
            options.AddSchemaTransformer(ListOnlyAcceptedValues);
            options.AddSchemaTransformer(XmlDocDescriptions.Apply);
        });

    /// <summary>What each group of operations is for, in the order a newcomer meets them.</summary>
    private static readonly (string Name, string Description)[] Tags =
    [
        ("Units", "The ministries, agencies and provinces that use the register; each key belongs to one (admin)."),
        ("API keys", "Keys and their roles: reporter, drafter, coordinator, admin. A secret is shown once, at creation."),
        ("People", "The people who work in the register, each of one unit with the roles keys have (admin)."),
        ("Regulations", "The legal documents obstacles are tied to, their guidance graph, and the reviews an amended document sets off."),
        ("Obstacles", "What units report: the obstacle, the provisions that cause it, triage, history and search."),
        ("Amendments", "The legal work that removes obstacles: stages, check-ins, deadlines, issuance and entry into force, notices."),
        ("Calendar", "A unit's deadlines and planned stages as a calendar its people subscribe to."),
        ("Changes", "Every committed change in order, to follow the register without polling everything."),
        ("Reports", "Weekly and monthly progress, hotspots and the guiding-document backlog, as JSON or CSV."),
        ("Public", "What anyone may read without a key: progress, responsibility and results."),
        ("Webhooks", "Endpoints that receive the changes they subscribe to, signed and retried (admin)."),
    ];

    public static void UseRegisterSwaggerUi(this WebApplication app) =>
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "swagger";
            ui.SwaggerEndpoint("/openapi/v1.json", "Obstacle Register v1");
            ui.DocumentTitle = "Obstacle Register API";
            ui.EnablePersistAuthorization();
        });

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Obstacle Register API",
            Version = "v1",
            Description = "The register of legal obstacles: each obstacle tied to the regulation and provision that causes it, " +
                "followed until the amendment that removes it is in force. Authenticate with an API key, sent as " +
                "`Authorization: ApiKey <key>` or `X-Api-Key: <key>`. Errors are RFC 9457 problem details.",
        };
        context.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<OpenApiInfoOptions>>().Value.Apply(document.Info);
        // A relative server: a generated client takes its base address from the code that uses it, not from
        // whichever host the document happened to be fetched from.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The register that serves this document." }];
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = AccessModule.ApiKeyHeader,
            Description = "An API key (ork_…) in X-Api-Key. `Authorization: ApiKey <key>` (the ApiKeyAuthorization scheme) is the same key.",
        };
        document.Components.SecuritySchemes[AuthorizationSchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "ApiKey",
            Description = "An API key (ork_…) as `Authorization: ApiKey <key>`: the register's primary form.",
        };
        return Task.CompletedTask;
    }

    /// <summary>
    /// Dates are read by the range-checking converter, which hides their shape from the generator: say it again,
    /// with the range the converter enforces.
    /// </summary>
    /// <summary>
    /// A form's file field is written inline (a binary string), not as a reference to a shared <c>IFormFile</c> schema:
    /// client generators (NSwag among them) then give it their file parameter type.
    /// </summary>
    private static Task InlineFileFields(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        const string FileSchema = "IFormFile";
        if (document.Components?.Schemas is not { } schemas || !schemas.TryGetValue(FileSchema, out var file))
        {
            return Task.CompletedTask;
        }

        foreach (var (formName, form) in schemas.Where(s => s.Value is OpenApiSchema).Select(s => (s.Key, (OpenApiSchema)s.Value)))
        {
            foreach (var (name, property) in form.Properties?.ToList() ?? [])
            {
                if (property is OpenApiSchemaReference { Reference.Id: FileSchema })
                {
                    // Each form says what its file may be; the shared schema holds only the first form's words.
                    var description = XmlDocDescriptions.OfParameter(formName, name) ?? file.Description;
                    form.Properties![name] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = description };
                }
            }
        }

        schemas.Remove(FileSchema);
        return Task.CompletedTask;
    }

    private static Task DescribeDates(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(DateOnly) || type == typeof(DateOnly?))
        {
            schema.Type = type == typeof(DateOnly) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date";
            schema.Description ??= $"A date from {ClientDates.Earliest:yyyy-MM-dd} to {ClientDates.Latest:yyyy-MM-dd}.";
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A nullable enum property shares its enum's schema, and the generator lists <c>null</c> among the values of a
    /// string type: nullability belongs to the property, so the values stay strings.
    /// </summary>
    private static Task KeepEnumsToTheirType(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (schema.Enum is { Count: > 0 } values && schema.Type is { } type && !type.HasFlag(JsonSchemaType.Null))
        {
            schema.Enum = [.. values.Where(v => v is not null && v.GetValueKind() != System.Text.Json.JsonValueKind.Null)];
        }

        return Task.CompletedTask;
    }

    /// <summary>Text parameters that stand for an enum (<see cref="WireEnumAttribute{TEnum}"/>) reference the enum's schema.</summary>
    private static Task DescribeEnumParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        foreach (var description in context.Description.ParameterDescriptions)
        {
            var info = (description.ParameterDescriptor as Microsoft.AspNetCore.Mvc.Infrastructure.IParameterInfoParameterDescriptor)?.ParameterInfo;
            if (info?.GetCustomAttributes(false).OfType<IWireEnumParameter>().FirstOrDefault() is not { } wire
                || operation.Parameters?.FirstOrDefault(p => p.Name == description.Name) is not OpenApiParameter parameter)
            {
                continue;
            }

            parameter.Schema = new OpenApiSchemaReference(wire.EnumType.Name, context.Document);
            if (context.Document?.Components?.Schemas is { } schemas && !schemas.ContainsKey(wire.EnumType.Name))
            {
                // Not yet met in a body or a response: the enum's own schema, as the generator would have written it.
                schemas[wire.EnumType.Name] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. Enum.GetNames(wire.EnumType).Select(n => (System.Text.Json.Nodes.JsonNode)System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(n)!)],
                };
            }
        }

        return Task.CompletedTask;
    }

    private static Task DescribeCsv(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<CsvAlternativeMetadata>().Any()
            && operation.Responses?.GetValueOrDefault("200") is OpenApiResponse ok)
        {
            ok.Content ??= new Dictionary<string, OpenApiMediaType>();
            ok.Content["text/csv"] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "With Accept: text/csv, the same data as CSV: UTF-8 with a byte order mark, a header row, CRLF lines.",
                },
            };
        }

        return Task.CompletedTask;
    }

    private static Task ListOnlyAcceptedValues(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(AcceptsOnlyAttribute), false).OfType<AcceptsOnlyAttribute>().FirstOrDefault() is { } accepts)
        {
            // Not the enum's shared schema any more: this property's own list, written in place (a nullable property
            // keeps the generator's oneOf with null around it).
            schema.Metadata?.Remove("x-schema-id");
            schema.OneOf = null;
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. accepts.Values.Select(v => (System.Text.Json.Nodes.JsonNode)v!)];
        }

        return Task.CompletedTask;
    }

    private static Task RequireKeyWhereNeeded(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IdempotentEndpointMetadata>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyFilter.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "A key you choose (a UUID is ideal) to make retries safe: the same key and body return the first answer; " +
                    "another body is 422; a retry while the first is running is 409. Kept at least 24 hours, per unit and API key.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
            });
        }

        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            // An empty requirement: no key is needed here (the document's other operations each name theirs).
            operation.Security = [new OpenApiSecurityRequirement()];
            return Task.CompletedTask;
        }

        // Either form of the key: requirements in a list are alternatives.
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(AuthorizationSchemeId, context.Document)] = [],
        });
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SecuritySchemeId, context.Document)] = [],
        });
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No API key, or an unknown or revoked one." });
        if (metadata.OfType<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Roles)) || metadata.OfType<AuthorizationPolicy>().Any())
        {
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The key lacks the role this operation requires." });
        }

        return Task.CompletedTask;
    }
}
