using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>One numbered SQL file, e.g. <c>0002_regulations.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Script)
{
    /// <summary>
    /// A script that begins with <c>-- no-transaction</c> runs batch by batch outside a transaction, for
    /// statements SQL Server refuses inside one (full-text catalogs and indexes). Each batch must check
    /// whether its work is already done, since a failure leaves the earlier batches applied.
    /// </summary>
    public bool RunsOutsideTransaction => Script.StartsWith("-- no-transaction", StringComparison.Ordinal);
}

/// <summary>
/// Applies the numbered scripts for the configured provider in order, each in its own transaction, and
/// records them in <c>schema_version</c>. Safe when several instances start at once: SQLite serialises
/// writers, and on SQL Server an application lock is held for the whole transaction.
/// </summary>
public sealed partial class MigrationRunner(IDbConnectionFactory connections, ILogger<MigrationRunner> logger)
{
    private const string CreateVersionTableSqlite = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL)
        """;

    private const string CreateVersionTableSqlServer = """
        IF OBJECT_ID(N'dbo.schema_version', N'U') IS NULL
        CREATE TABLE dbo.schema_version (
            version int NOT NULL CONSTRAINT pk_schema_version PRIMARY KEY,
            name nvarchar(200) NOT NULL,
            applied_at datetimeoffset NOT NULL)
        """;

    private const string SqlServerLock =
        "EXEC sp_getapplock @Resource = N'ObstacleRegister.Migrations', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 60000";

    private const string IsApplied = "SELECT COUNT(*) FROM schema_version WHERE version = @Version";

    private const string RecordApplied = "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)";

    /// <summary>Reads the embedded scripts of one provider (resources named <c>db/sqlite/0001_x.sql</c>).</summary>
    public static IReadOnlyList<Migration> Embedded(Assembly assembly, DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.SqlServer ? "db/sqlserver/" : "db/sqlite/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(folder, StringComparison.Ordinal)))
        {
            var fileName = resource[folder.Length..];
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration '{resource}' is not named like 0001_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), fileName, reader.ReadToEnd()));
        }

        var ordered = migrations.OrderBy(m => m.Version).ToList();
        var duplicate = ordered.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}.");
        }

        return ordered;
    }

    /// <summary>Splits a T-SQL script on its <c>GO</c> batch separators.</summary>
    public static IReadOnlyList<string> SqlServerBatches(string script) =>
        BatchSeparator().Split(script).Select(b => b.Trim()).Where(b => b.Length > 0).ToList();

    public async Task<int> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        var sqlServer = connections.Provider == DatabaseProvider.SqlServer;
        if (!sqlServer)
        {
            // journal_mode is stored in the file: set once, it holds for every later connection.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        }

        await connection.ExecuteAsync(sqlServer ? CreateVersionTableSqlServer : CreateVersionTableSqlite);
        var applied = 0;
        foreach (var migration in migrations)
        {
            if (await ApplyOneAsync(connection, migration, sqlServer, ct))
            {
                applied++;
                LogApplied(logger, migration.Name);
            }
        }

        return applied;
    }

    private static async Task<bool> ApplyOneAsync(DbConnection connection, Migration migration, bool sqlServer, CancellationToken ct)
    {
        if (migration.RunsOutsideTransaction)
        {
            return await ApplyOutsideTransactionAsync(connection, migration, sqlServer, ct);
        }

        await using var transaction = connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(ct);
        if (sqlServer)
        {
            await connection.ExecuteAsync(SqlServerLock, transaction: transaction);
        }

        if (await connection.ExecuteScalarAsync<int>(IsApplied, new { migration.Version }, transaction) > 0)
        {
            return false;
        }

        var batches = sqlServer ? SqlServerBatches(migration.Script) : [migration.Script];
        foreach (var batch in batches)
        {
            await connection.ExecuteAsync(new CommandDefinition(batch, transaction: transaction, cancellationToken: ct));
        }

        await connection.ExecuteAsync(RecordApplied, new { migration.Version, migration.Name, AppliedAt = DateTimeOffset.UtcNow }, transaction);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static async Task<bool> ApplyOutsideTransactionAsync(DbConnection connection, Migration migration, bool sqlServer, CancellationToken ct)
    {
        if (await connection.ExecuteScalarAsync<int>(IsApplied, new { migration.Version }) > 0)
        {
            return false;
        }

        foreach (var batch in sqlServer ? SqlServerBatches(migration.Script) : [migration.Script])
        {
            await connection.ExecuteAsync(new CommandDefinition(batch, cancellationToken: ct));
        }

        try
        {
            await connection.ExecuteAsync(RecordApplied, new { migration.Version, migration.Name, AppliedAt = DateTimeOffset.UtcNow });
        }
        catch (Exception ex) when (ISqlDialect.For(sqlServer ? DatabaseProvider.SqlServer : DatabaseProvider.Sqlite).IsUniqueViolation(ex))
        {
            // Another instance applied the same idempotent batches at the same time and recorded them first.
            return false;
        }

        return true;
    }

    [GeneratedRegex(@"^(\d{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BatchSeparator();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration}")]
    private static partial void LogApplied(ILogger logger, string migration);
}
