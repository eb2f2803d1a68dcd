using Dapper;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Database;

/// <summary>The SQL Server schema is parsed here without a server and must match the SQLite one, table by table.</summary>
public sealed class SchemaParityTests
{
    private static readonly string[] TextTypes = ["NVarChar", "NChar"];
    private static readonly string[] ForbiddenTextTypes = ["VarChar", "Char", "Text", "NText"];

    [Test]
    public void BothFolders_HoldTheSameMigrations()
    {
        static IEnumerable<string> Names(DatabaseProvider provider) =>
            Directory.GetFiles(Repository.MigrationsFolder(provider), "*.sql").Select(Path.GetFileName).Order()!;

        Assert.That(Names(DatabaseProvider.SqlServer), Is.EqualTo(Names(DatabaseProvider.Sqlite)).And.Not.Empty);
    }

    [Test]
    public void EmbeddedMigrations_AreEveryFileInOrder()
    {
        var embedded = Repository.Migrations(DatabaseProvider.SqlServer).Select(m => m.Name);
        var files = Directory.GetFiles(Repository.MigrationsFolder(DatabaseProvider.SqlServer), "*.sql").Select(Path.GetFileName).Order();

        Assert.That(embedded, Is.EqualTo(files));
    }

    [Test]
    public void EverySqlServerMigration_ParsesAsTSql()
    {
        Assert.Multiple(() =>
        {
            foreach (var migration in Repository.Migrations(DatabaseProvider.SqlServer))
            {
                foreach (var batch in MigrationRunner.SqlServerBatches(migration.Script))
                {
                    TSql.Parse(batch, out var errors);
                    Assert.That(errors, Is.Empty, migration.Name);
                }
            }
        });
    }

    [Test]
    public async Task Schemas_HaveTheSameTablesColumnsAndIndexes()
    {
        var sqlServer = SqlServerSchema();
        using var scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);
        var sqliteTables = (await connection.QueryAsync<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name <> 'schema_version'")).ToList();
        // A full-text table is FTS5 on SQLite (its shadow tables aside) and a (doc_key, text) table on SQL Server.
        var fullText = (await connection.QueryAsync<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")).ToList();
        sqliteTables.RemoveAll(t => fullText.Any(f => t.StartsWith(f + "_", StringComparison.Ordinal)));
        var sqliteIndexes = await connection.QueryAsync<string>(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'");

        var sqliteColumns = new Dictionary<string, List<string>>();
        foreach (var table in sqliteTables.Except(fullText))
        {
            sqliteColumns[table] = (await connection.QueryAsync<string>("SELECT name FROM pragma_table_info(@table)", new { table })).ToList();
        }

        Assert.Multiple(() =>
        {
            Assert.That(sqliteTables, Is.EquivalentTo(sqlServer.Tables.Keys));
            Assert.That(sqliteIndexes, Is.EquivalentTo(sqlServer.Indexes));
            Assert.That(fullText.Select(f => sqlServer.Tables.GetValueOrDefault(f)?.Keys.Order().ToList()), Has.All.EqualTo(new[] { "doc_key", "text" }));
            foreach (var (table, columns) in sqliteColumns)
            {
                Assert.That(columns, Is.EquivalentTo(sqlServer.Tables.GetValueOrDefault(table)?.Keys.ToList() ?? []), table);
            }
        });
    }

    [Test]
    public void SqlServerTestBaselineQuery_ParsesAsTSql()
    {
        TSql.Parse(Infrastructure.SqlServerBaseline.TablesQuery, out var errors);

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void SqlServerText_IsAlwaysUnicode()
    {
        var columns = SqlServerSchema().Tables.SelectMany(t => t.Value.Select(c => (Name: $"{t.Key}.{c.Key}", Type: c.Value))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(columns.Where(c => ForbiddenTextTypes.Contains(c.Type)).Select(c => c.Name), Is.Empty, "text columns must be nvarchar");
            Assert.That(columns.Count(c => TextTypes.Contains(c.Type)), Is.GreaterThan(0));
        });
    }

    private static TSql.SchemaCollector SqlServerSchema()
    {
        var collector = new TSql.SchemaCollector();
        foreach (var migration in Repository.Migrations(DatabaseProvider.SqlServer))
        {
            TSql.Parse(migration.Script, out _).Accept(collector);
        }

        return collector;
    }
}
