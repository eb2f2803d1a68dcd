using ObstacleRegister.BuildingBlocks.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ObstacleRegister.Access;
using ObstacleRegister.BuildingBlocks.Idempotency;

namespace ObstacleRegister.Api.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and Swagger UI over it at <c>/swagger</c>.</summary>
internal static class RegisterOpenApi
{
    public const string SecuritySchemeId = "ApiKey";

    public static IServiceCollection AddRegisterOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer(DescribeDocument);
            options.AddOperationTransformer(RequireKeyWhereNeeded);
            options.AddSchemaTransformer(OpenApiExamples.Apply);
            options.AddSchemaTransformer(DescribeDates);
        });

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
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = AccessModule.ApiKeyHeader,
            Description = "An API key (ork_…). `Authorization: ApiKey <key>` is accepted as well.",
        };
        return Task.CompletedTask;
    }

    /// <summary>
    /// Dates are read by the range-checking converter, which hides their shape from the generator: say it again,
    /// with the range the converter enforces.
    /// </summary>
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
            return Task.CompletedTask;
        }

        operation.Security ??= [];
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
