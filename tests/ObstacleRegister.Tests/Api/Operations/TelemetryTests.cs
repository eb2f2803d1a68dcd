using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ObstacleRegister.Amendments.Telemetry;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Webhooks;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Operations;

/// <summary>What an operator's collector sees: the request spans, honouring an incoming traceparent, and the register's metrics.</summary>
public sealed class TelemetryTests(DatabaseProvider provider) : WebhookTest(provider)
{
    private readonly List<Activity> spans = [];
    private readonly List<Metric> metrics = [];

    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string>(base.HostSettings!)
    {
        ["Telemetry:PrometheusEndpoint"] = "true",
        ["Telemetry:Tracing"] = "true",
    };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(spans)).WithMetrics(m => m.AddInMemoryExporter(metrics));
    }

    [Test]
    public async Task Request_WithATraceparent_IsOneSpanOfThatTrace_AndItsProblemNamesTheTrace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/obstacles/{Guid.NewGuid()}");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        var problem = await (await Coordinator.Http.SendAsync(request)).ExpectJson(404);
        var mine = await SpansOf(traceId);

        Assert.Multiple(() =>
        {
            Assert.That(problem.Str("traceId"), Does.Contain(traceId.ToString()));
            var server = mine.SingleOrDefault(s => s.Kind == ActivityKind.Server);
            Assert.That(server, Is.Not.Null, "the request span joined the caller's trace");
            Assert.That(server!.GetTagItem("http.route"), Does.Contain("/api/v1/obstacles/"));
            Assert.That(server.GetTagItem("http.response.status_code"), Is.EqualTo(404));
        });
    }

    /// <summary>
    /// The server span ends when the pipeline finishes, which the in-memory server may report a moment after the
    /// client has its answer: wait for it (generously), flushing as we go.
    /// </summary>
    private async Task<List<Activity>> SpansOf(ActivityTraceId traceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            Factory.Services.GetRequiredService<TracerProvider>().ForceFlush();
            lock (spans)
            {
                var mine = spans.Where(s => s.TraceId == traceId).ToList();
                if (mine.Any(s => s.Kind == ActivityKind.Server) || DateTime.UtcNow > deadline)
                {
                    return mine;
                }
            }

            await Task.Delay(20);
        }
    }

    [Test]
    public async Task BusinessAndHealthMetrics_AreRecordedAndScrapeable()
    {
        await RegisterEndpoint(Url(), ["*"], null);
        var obstacle = (await Submit(ReporterA)).Str("id");
        await Transition(Coordinator.Http, obstacle, "accept");
        await DispatchRound();
        var gauges = Factory.Services.GetServices<IHostedService>().OfType<AmendmentGauges>().Single();
        await gauges.RunSupervisedRound(CancellationToken.None);
        if (Provider == DatabaseProvider.Sqlite)
        {
            await Factory.Services.GetServices<IHostedService>().OfType<SqliteCheckpointer>().Single().RunSupervisedRound(CancellationToken.None);
        }

        Factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var scrape = await (await Anonymous().GetAsync("/metrics")).Content.ReadAsStringAsync();
        HashSet<string> names;
        lock (metrics)
        {
            names = [.. metrics.Select(m => m.Name)];
        }

        Assert.Multiple(() =>
        {
            Assert.That(names, Is.SupersetOf(new[]
            {
                "register.obstacles.submitted", "register.obstacles.triaged", "register.webhooks.deliveries", "register.background.rounds",
                "register.amendments.open", "register.amendments.overdue", "register.amendments.stale", "http.server.request.duration",
            }));
            // The write-lock wait is SQLite's queue for its one writer, and the log is SQLite's: SQL Server has neither.
            var sqliteOnly = new[] { "register.database.write_lock.wait", "register.database.wal.size" };
            Assert.That(Provider == DatabaseProvider.Sqlite ? sqliteOnly.Except(names) : sqliteOnly.Intersect(names), Is.Empty);
            Assert.That(scrape, Does.Contain("register_obstacles_submitted").And.Contain("register_amendments_open").And.Contain("register_background_rounds"));
        });
    }

    [Test]
    public async Task AmendmentGauges_CountOpenOverdueAndStaleWork()
    {
        var drafter = await CreateKey("drafter");
        var obstacle = (await Submit(ReporterA)).Str("id");
        await Transition(Coordinator.Http, obstacle, "accept");
        await Coordinator.Http.PostJson("/api/v1/amendments", new System.Text.Json.Nodes.JsonObject
        {
            ["regulationId"] = DecreeId, ["kind"] = "amend", ["title"] = "Sửa đổi Điều 5", ["draftingUnitId"] = drafter.UnitId.ToString(),
            ["responsibleOfficial"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "Nguyễn Văn B", ["position"] = "Thứ trưởng" },
            ["dueOn"] = "2026-02-20", ["obstacleIds"] = new System.Text.Json.Nodes.JsonArray(obstacle),
        }).ExpectJson(201);
        Clock.Now = Clock.Now.AddDays(10);
        var gauges = Factory.Services.GetServices<IHostedService>().OfType<AmendmentGauges>().Single();

        await gauges.RunSupervisedRound(CancellationToken.None);
        var values = Gauges();

        Assert.That(values, Is.EqualTo(new Dictionary<string, long>
        {
            ["register.amendments.open"] = 1, ["register.amendments.overdue"] = 1, ["register.amendments.stale"] = 1,
        }), "opened already late, and ten days without a check-in");
        drafter.Http.Dispose();
    }

    /// <summary>This host's latest gauge values, read through a listener of its own meter.</summary>
    private Dictionary<string, long> Gauges()
    {
        var meter = Factory.Services.GetRequiredService<ObstacleRegister.BuildingBlocks.Telemetry.RegisterMetrics>().Meter;
        var values = new Dictionary<string, long>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.Name.StartsWith("register.amendments.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }
}
