using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ObstacleRegister.Access;
using ObstacleRegister.Api.Health;
using ObstacleRegister.Api.Http;
using ObstacleRegister.Api.OpenApi;
using ObstacleRegister.Api.Security;
using ObstacleRegister.Api.Telemetry;
using ObstacleRegister.BuildingBlocks.Health;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Validation;

namespace ObstacleRegister.Api;

/// <summary>How the host speaks HTTP: JSON rules, errors, limits, authentication and the documents it serves.</summary>
internal static class HttpPipeline
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static void AddHttpPipeline(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            // Above the register's own bounds, so what lies between is answered as a problem (RequestLimitsMiddleware).
            k.Limits.MaxRequestLineSize = RequestLimitsMiddleware.ServerMaxRequestLineBytes;
            k.Limits.MaxRequestHeadersTotalSize = RequestLimitsMiddleware.ServerMaxHeaderBytes;
        });
        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));

        // Malformed input must be a problem response in every environment, not only where the developer page runs.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemResponses.Complete);
        // After the framework's writer, which declines when the caller does not accept JSON: this one never declines.
        services.AddSingleton<IProblemDetailsWriter, Http.ProblemJsonWriter>();
        services.AddExceptionHandler<ProblemExceptionHandler>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(AccessModule.AuthenticationScheme).RequireAuthenticatedUser().Build());

        services.AddTrustedProxies(builder.Configuration);
        builder.AddKeyRing();
        builder.AddRegisterTelemetry();
        AddPublicRateLimiting(services, builder.Configuration.GetSection("Public"));
        services.AddRegisterOpenApi(builder.Configuration);
        // The OpenAPI document only: it is the one large answer, the same for everyone and holding no secret, so
        // compressing it (also over HTTPS) gives nothing away; the API's own answers are small and stay as they are.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["application/json"];
        });
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<BackgroundLoopsHealthCheck>("background", tags: ["ready"]);
    }

    public static void UseHttpPipeline(this WebApplication app)
    {
        app.UseHeadWithoutBody();
        app.UseForwardedHeaders();
        // First, so the exception handler and the status-code pages answer in the request's language too.
        app.UseRequestLanguage();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/openapi", StringComparison.Ordinal), document => document.UseResponseCompression());
        app.UseRegisterSwaggerUi();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
    }

    /// <summary>
    /// The public pages are limited per client address (fixed one-minute windows, no queue): over the limit is a 429
    /// problem with Retry-After, never a 503. The address is the peer's, or the client's as told by a trusted proxy.
    /// A request with a valid key is not limited here: it is known and answerable. Partitions live in this process:
    /// each instance limits on its own.
    /// </summary>
    private static void AddPublicRateLimiting(IServiceCollection services, IConfigurationSection section)
    {
        services.AddOptions<PublicAccessOptions>().Bind(section)
            .Validate(o => o.RequestsPerMinute > 0 && o.MaxAgeSeconds >= 0, "Public:RequestsPerMinute must be positive and Public:MaxAgeSeconds not negative.")
            .Validate(o => o.AnswerCacheSeconds >= 0 && o.AnswerCacheSeconds <= o.MaxAgeSeconds && o.AnswerCacheEntries > 0,
                "Public:AnswerCacheSeconds must be between 0 and Public:MaxAgeSeconds, and Public:AnswerCacheEntries positive.")
            .ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(PublicAccess.RateLimitPolicy, http => http.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("keyed")
                : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<PublicAccessOptions>>().Value.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            o.OnRejected = ProblemResponses.WriteTooManyRequests;
        });
    }

    public static void MapOperationalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous().WithTags("Health");
        app.MapHealthChecks("/health/ready", new()
            {
                Predicate = c => c.Tags.Contains("ready"), ResultStatusCodes = HealthStatusCodes, ResponseWriter = HealthResponses.Write,
            })
            .AllowAnonymous().WithTags("Health");
        app.MapOpenApi().AllowAnonymous();
        app.MapRegisterTelemetry();
    }

    /// <summary>One set of rules for every body in and out: strict numbers, no unknown fields, snake_case enums.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new ClientDates.JsonConverter());
    }

    private static readonly Dictionary<HealthStatus, int> HealthStatusCodes = new()
    {
        [HealthStatus.Healthy] = StatusCodes.Status200OK,
        [HealthStatus.Degraded] = StatusCodes.Status200OK,
        [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
    };
}
