using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;

namespace ObstacleRegister.BuildingBlocks.Health;

/// <summary>
/// Ready means the database answers, has been migrated, and can be written within the lock bound: the probe takes
/// the write lock the way a request does (the same queue, the same timeout), touches one row, and rolls back. A write
/// that needs no room proves nothing about a full disk, so after a write met a full disk the probe writes a
/// quarter-megabyte row and deletes it, and commits: readiness turns back as soon as that fits. The whole probe is
/// bounded in time, so a lost server is reported, not waited for. An unready database's description starts with what
/// is wrong (<c>full</c>, <c>read-only</c>, <c>unreachable</c>, <c>io-error</c>, <c>busy</c>), also given as
/// <c>fault</c>.
/// </summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, StorageHealth storage, IOptions<DatabaseOptions> options) : IHealthCheck
{
    /// <summary>Where an unready check names its fault in the check's data (and readiness's JSON).</summary>
    public const string FaultKey = "fault";

    private const string Applied = "SELECT COUNT(*) FROM schema_version";

    private const string Touch = "UPDATE schema_version SET name = name WHERE version = (SELECT MAX(version) FROM schema_version)";

    private const string NeedRoom = "INSERT INTO storage_probe (id, filler) VALUES (1, @Filler); DELETE FROM storage_probe WHERE id = 1";

    private const int RoomBytes = 256 * 1024;

    /// <summary>The probe's own bound beyond the write lock's: opening the connection and the statements themselves.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var bound = options.Value.LockTimeout + Slack;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        try
        {
            return await Probe(timeout.Token).WaitAsync(bound, cancellationToken);
        }
        catch (DatabaseBusyException ex)
        {
            return Unhealthy("busy", "The database cannot be written: its write lock was not had within the bound.", ex);
        }
        catch (Exception ex) when (StorageFaults.Of(ex) is { } fault)
        {
            storage.Failed(fault);
            return Unhealthy(fault.WireName(), Describe(fault), ex);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Unhealthy("unreachable", $"The database did not answer within {bound.TotalSeconds:0.#} seconds.", ex);
        }
        catch (Exception ex) when (DatabaseBusyException.IsBusy(ex))
        {
            return Unhealthy("busy", "The database cannot be written in time.", ex);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return Unhealthy("unreachable", "The database does not answer.", ex);
        }
    }

    private async Task<HealthCheckResult> Probe(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var applied = await session.ExecuteScalarAsync<long>(Applied, null, ct);
        if (applied == 0)
        {
            return HealthCheckResult.Unhealthy("The database has no schema yet.");
        }

        await session.BeginAsync(readOnly: false, ct);
        await session.ExecuteAsync(Touch, null, ct);
        if (storage.Fault == StorageFault.Full)
        {
            await session.ExecuteAsync(NeedRoom, new { Filler = new byte[RoomBytes] }, ct);
            await session.CommitAsync(ct);
        }
        else
        {
            await session.RollbackAsync();
        }

        return HealthCheckResult.Healthy($"{applied} migrations applied; writable{WriteAheadLog()}.");
    }

    private string WriteAheadLog() => options.Value.Provider == DatabaseProvider.Sqlite
        ? string.Create(CultureInfo.InvariantCulture, $"; write-ahead log {SqliteFiles.WalBytes(options.Value.ConnectionString) / (1024.0 * 1024.0):0.0} MB")
        : "";

    private static string Describe(StorageFault fault) => fault switch
    {
        StorageFault.Full => "the database's disk (or file size limit) is full; writes are refused until space is freed.",
        StorageFault.ReadOnly => "the database file or its folder cannot be written; writes are refused until it can.",
        StorageFault.Unreachable => "the database cannot be opened or reached.",
        _ => "the operating system reports read or write errors on the database's files.",
    };

    private static HealthCheckResult Unhealthy(string fault, string description, Exception exception) =>
        HealthCheckResult.Unhealthy(
            $"{fault}: {description}",
            exception,
            new Dictionary<string, object> { [FaultKey] = fault });
}
