using System.Text.Json;
using ObstacleRegister.BuildingBlocks.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ObstacleRegister.Api.Health;

/// <summary>Readiness as JSON that says which check failed and why, without exception details (the endpoint is public).</summary>
internal static class HealthResponses
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static Task Write(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString().ToLowerInvariant(),
                description = e.Value.Description,
                fault = e.Value.Data.TryGetValue(DatabaseHealthCheck.FaultKey, out var fault) ? fault : null,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return JsonSerializer.SerializeAsync(http.Response.Body, body, JsonOptions, http.RequestAborted);
    }
}
