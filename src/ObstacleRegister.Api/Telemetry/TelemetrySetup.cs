using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ObstacleRegister.BuildingBlocks.Telemetry;

namespace ObstacleRegister.Api.Telemetry;

/// <summary>
/// Traces and metrics with OpenTelemetry: the HTTP server and client, SQL Server, the runtime and the register's own
/// meter. Exported over OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; scraped by Prometheus at
/// <c>/metrics</c> when <c>Telemetry:PrometheusEndpoint</c> is true. Spans are recorded only where they go somewhere
/// (OTLP, or <c>Telemetry:Tracing</c> for an exporter added by the host's owner): recording them costs every request.
/// Log lines carry the trace and span ids of the activity they were written in, so a problem's <c>traceId</c> finds its lines.
/// </summary>
internal static class TelemetrySetup
{
    public const string ServiceName = "obstacle-register";

    public static void AddRegisterTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var prometheus = builder.Configuration.GetValue<bool>("Telemetry:PrometheusEndpoint");
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString()));
        if (otlp || builder.Configuration.GetValue<bool>("Telemetry:Tracing"))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments("/metrics"))
                .AddHttpClientInstrumentation()
                .AddSqlClientInstrumentation());
        }

        telemetry.WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter(RegisterMetrics.MeterName);
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }
    }

    /// <summary>
    /// <c>/metrics</c>, without a key (scrapers hold none): serve it only where the scraper can reach and the public
    /// cannot, at the proxy or by the network; the figures are operational, not private, but still nobody else's.
    /// </summary>
    public static void MapRegisterTelemetry(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>("Telemetry:PrometheusEndpoint"))
        {
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous().ExcludeFromDescription();
        }
    }
}
