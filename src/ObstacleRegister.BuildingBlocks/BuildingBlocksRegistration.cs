using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Time;

namespace ObstacleRegister.BuildingBlocks;

public static class BuildingBlocksRegistration
{
    /// <summary>Data access, the clock and the caller: what every module needs from the host.</summary>
    public static IServiceCollection AddBuildingBlocks(this IServiceCollection services, IConfiguration configuration)
    {
        DapperTypeHandlers.Register();
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection("Database"))
            .Configure(o =>
            {
                var connectionString = configuration.GetConnectionString("Register");
                if (!string.IsNullOrWhiteSpace(connectionString))
                {
                    o.ConnectionString = connectionString;
                }
            })
            .PostConfigure<IHostEnvironment>((o, host) => o.ConnectionString = DbConnectionFactory.AnchorSqlitePath(o, host.ContentRootPath))
            .Validate(o => o.Provider == DatabaseProvider.Sqlite || o.ConnectionString != DatabaseOptions.DefaultSqliteConnectionString,
                "Database:Provider is SqlServer but ConnectionStrings:Register is not set.")
            .Validate(o => o.CheckpointInterval > TimeSpan.Zero && o.IndexMaintenanceInterval > TimeSpan.Zero,
                "Database:CheckpointInterval and Database:IndexMaintenanceInterval must be positive.")
            .Validate(o => o.KeptConnections >= 0 && o.StatementsPerConnection > 0,
                "Database:KeptConnections must not be negative and Database:StatementsPerConnection must be positive.")
            .ValidateOnStart();
        services.AddOptions<RegisterOptions>()
            .Bind(configuration.GetSection("Register"))
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Register:TimeZone is not a known time zone.")
            .ValidateOnStart();

        services.AddSingleton<IDbConnectionFactory, DbConnectionFactory>();
        services.AddSingleton<StorageHealth>();
        services.AddScoped<DbSession>();
        services.AddScoped<IDbSession>(sp => sp.GetRequiredService<DbSession>());
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<Telemetry.RegisterMetrics>();
        services.AddSingleton<Background.LoopHealth>();
        services.AddSingleton<Background.LoopSupervisor>();
        services.AddSingleton<RegisterCalendar>();
        services.AddHttpContextAccessor();
        services.AddSingleton<Http.PublicAddress>();
        services.AddScoped<ICaller, HttpCaller>();
        services.AddScoped<Changes.IChangeLog, Changes.ChangeLog>();
        services.AddHostedService<Idempotency.IdempotencyJanitor>();
        services.AddHostedService<SqliteCheckpointer>();
        return services;
    }
}
