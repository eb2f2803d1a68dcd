using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Tests.Infrastructure;

/// <summary>The real host, in memory, on a <see cref="TestDatabase"/>, with every log line kept for inspection.</summary>
public sealed class RegisterFactory(
    TestDatabase database, FakeClock clock, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? testServices = null)
    : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789abcdefghijklmnopqrstuvwxyz";

    public ConcurrentQueue<string> LogLines { get; } = new();

    public TestDatabase Database => database;

    public FaultInjection Faults { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Register", database.Value.ConnectionString);
        builder.UseSetting("Access:BootstrapAdminKey", AdminKey);
        // Tests bring amendments into force themselves, at the dates they choose; a fixture that tests the timer sets its own.
        builder.UseSetting("Amendments:InForceCheckInterval", "01:00:00");
        // Every test client comes from one address here; the fixture that tests the limit sets a small one.
        builder.UseSetting("Public:RequestsPerMinute", "100000");
        // Tests share one host and give each test a fresh database: an answer kept from the last test would be wrong
        // here. PublicAnswerCacheTests turns it on.
        builder.UseSetting("Public:AnswerCacheSeconds", "0");
        builder.UseSetting("Webhooks:DispatchInterval", "01:00:00");
        builder.UseSetting("Notifications:CheckInterval", "01:00:00");
        builder.UseSetting("Obstacles:CheckInterval", "01:00:00");
        builder.UseSetting("Webhooks:AllowHttp", "true");
        builder.UseSetting("DataProtection:KeyRingPath", Path.Combine(database.Folder, "keys"));
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        // The database options come from the test database, not configuration: carry the bound over.
        if (settings?.TryGetValue("Database:LockTimeout", out var lockTimeout) == true)
        {
            database.LockTimeout = TimeSpan.Parse(lockTimeout, System.Globalization.CultureInfo.InvariantCulture);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(new CollectingLoggerProvider(LogLines));
            logging.AddFilter<CollectingLoggerProvider>(null, LogLevel.Trace);
        });
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IOptions<DatabaseOptions>>();
            services.AddSingleton<IOptions<DatabaseOptions>>(database);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton(Faults);
            services.AddSingleton<IStartupFilter, TestPeerAddress>();
            // Registered after the host's behaviours, so it is the innermost: it fails inside the transaction.
            services.AddScoped(typeof(MediatR.IPipelineBehavior<,>), typeof(FaultInjectionBehavior<,>));
            services.AddScoped(typeof(MediatR.INotificationHandler<>), typeof(FaultInjectionNotificationHandler<>));
            testServices?.Invoke(services);
        });
    }
}

/// <summary>
/// The in-memory server has no peer address: a test names one with <c>X-Test-Peer</c>, as if the request came from
/// there, before anything else in the pipeline (forwarded headers included) looks at it.
/// </summary>
internal sealed class TestPeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (System.Net.IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var peer))
            {
                context.Connection.RemoteIpAddress = peer;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>A clock tests set; it starts at a fixed instant so every run sees the same dates.</summary>
public sealed class FakeClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}

internal sealed class CollectingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class CollectingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
