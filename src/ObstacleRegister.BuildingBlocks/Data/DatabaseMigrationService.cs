using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>Brings the database to the latest schema before the host serves anything.</summary>
internal sealed class DatabaseMigrationService(
    MigrationRunner runner, IOptions<DatabaseOptions> options, MigrationSource source) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider == DatabaseProvider.Sqlite)
        {
            DbConnectionFactory.EnsureSqliteFolder(options.Value.ConnectionString);
        }

        await runner.ApplyAsync(MigrationRunner.Embedded(source.Assembly, options.Value.Provider), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed record MigrationSource(Assembly Assembly);

public static class MigrationRegistration
{
    /// <summary>
    /// Migrates at start-up from the scripts embedded in <paramref name="scripts"/>. Register it before any
    /// hosted service that touches the database: hosted services start in registration order.
    /// </summary>
    public static IServiceCollection AddDatabaseMigrations(this IServiceCollection services, Assembly scripts)
    {
        services.AddSingleton(new MigrationSource(scripts));
        services.AddSingleton<DatabaseMigrationService>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseMigrationService>());
        return services;
    }

    /// <summary>Migrates now, as the start of the host would: for a command run instead of the service.</summary>
    public static Task MigrateAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DatabaseMigrationService>().StartAsync(ct);
}
