using Dapper;
using Microsoft.Data.Sqlite;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Database;

/// <summary>Migrations that rewrite data already stored do it to the rows written by the versions before them.</summary>
public sealed class DataMigrationTests
{
    [Test]
    public async Task Migration23_TurnsTheFirstDeadlinesEnglishReasonIntoItsCode_AndLeavesPeoplesReasonsAlone()
    {
        using var scratch = await SqliteScratch.MigratedTo(22);
        await using (var connection = new SqliteConnection(scratch.Options.ConnectionString))
        {
            await connection.ExecuteAsync("PRAGMA foreign_keys = OFF");
            await connection.ExecuteAsync("""
                INSERT INTO amendment_deadline (id, amendment_id, at, previous_due_on, due_on, reason) VALUES
                ('a', 'x', '2026-03-02T02:00:00+00:00', NULL, '2026-04-30', 'Set when the amendment was opened.'),
                ('b', 'x', '2026-03-03T02:00:00+00:00', '2026-04-30', '2026-06-30', 'Set when the amendment was opened.')
                """);
        }

        await scratch.Runner().ApplyAsync(Repository.Migrations(DatabaseProvider.Sqlite), CancellationToken.None);

        await using var read = new SqliteConnection(scratch.Options.ConnectionString);
        var rows = (await read.QueryAsync<(string Id, string Reason, string? ReasonCode)>(
            "SELECT id, reason, reason_code FROM amendment_deadline ORDER BY id")).ToList();
        Assert.That(rows, Is.EqualTo(new[] { ("a", "", (string?)"opened"), ("b", "Set when the amendment was opened.", null) }),
            "only the first deadline's reason was the register's own sentence; a coordinator who typed the same words keeps them");
    }
}
