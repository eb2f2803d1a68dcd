using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;

namespace ObstacleRegister.BuildingBlocks.Health;

/// <summary>
/// Ready means the database answers, has been migrated, and can be written within the lock bound: the probe takes
/// the write lock the way a request does (the same queue, the same timeout), touches one row, and rolls back.
/// </summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    private const string Applied = "SELECT COUNT(*) FROM schema_version";

    private const string Touch = "UPDATE schema_version SET name = name WHERE version = (SELECT MAX(version) FROM schema_version)";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        try
        {
            var applied = await session.ExecuteScalarAsync<long>(Applied, null, cancellationToken);
            if (applied == 0)
            {
                return HealthCheckResult.Unhealthy("The database has no schema yet.");
            }

            await session.BeginAsync(readOnly: false, cancellationToken);
            await session.ExecuteAsync(Touch, null, cancellationToken);
            await session.RollbackAsync();
            return HealthCheckResult.Healthy($"{applied} migrations applied; writable.");
        }
        catch (DatabaseBusyException ex)
        {
            return HealthCheckResult.Unhealthy("The database cannot be written: its write lock was not had within the bound.", ex);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(DatabaseBusyException.IsBusy(ex) ? "The database cannot be written in time." : "The database does not answer.", ex);
        }
    }
}
