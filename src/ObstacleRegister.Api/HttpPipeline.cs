using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ObstacleRegister.Access;
using ObstacleRegister.Api.Health;
using ObstacleRegister.Api.Http;
using ObstacleRegister.Api.OpenApi;

namespace ObstacleRegister.Api;

/// <summary>How the host speaks HTTP: JSON rules, errors, limits, authentication and the documents it serves.</summary>
internal static class HttpPipeline
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static void AddHttpPipeline(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));

        // Malformed input must be a problem response in every environment, not only where the developer page runs.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemResponses.AddTraceId);
        services.AddExceptionHandler<ProblemExceptionHandler>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(AccessModule.AuthenticationScheme).RequireAuthenticatedUser().Build());

        services.AddRegisterOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
    }

    public static void UseHttpPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRegisterSwaggerUi();
        app.UseAuthentication();
        app.UseAuthorization();
    }

    public static void MapOperationalEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous().WithTags("Health");
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResultStatusCodes = HealthStatusCodes })
            .AllowAnonymous().WithTags("Health");
        app.MapOpenApi().AllowAnonymous();
    }

    /// <summary>One set of rules for every body in and out: strict numbers, no unknown fields, snake_case enums.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }

    private static readonly Dictionary<HealthStatus, int> HealthStatusCodes = new()
    {
        [HealthStatus.Healthy] = StatusCodes.Status200OK,
        [HealthStatus.Degraded] = StatusCodes.Status200OK,
        [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
    };
}
