using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Bench.Seed;

// Fills a SQLite register with realistic data at scale, through the real migrations, for the load runs.
// Usage: dotnet run -c Release --project bench/ObstacleRegister.Bench.Seed -- --database bench/data/bench.db --obstacles 100000
var options = SeedOptions.Parse(args);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Database))!);
if (File.Exists(options.Database))
{
    Console.Error.WriteLine($"{options.Database} exists; delete it to seed again.");
    return 1;
}

var watch = Stopwatch.StartNew();
var connectionString = $"Data Source={options.Database}";
var runner = new MigrationRunner(new SeedConnections(connectionString), NullLogger<MigrationRunner>.Instance);
await runner.ApplyAsync(MigrationRunner.Embedded(typeof(SeedOptions).Assembly, DatabaseProvider.Sqlite), CancellationToken.None);

await using var connection = new SqliteConnection(connectionString);
await connection.OpenAsync();
// Seeding is not the measured path: one flush per batch is enough here. The service itself runs synchronous=FULL.
await Exec(connection, "PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON;");

var seeder = new Seeder(connection, new VietnameseCorpus(new Random(20260302)), new Random(57), options);
var units = await seeder.Units();
var regulations = await seeder.Regulations();
var obstacles = await seeder.Obstacles(units, regulations);
var amendments = await new AmendmentSeeder(connection, new VietnameseCorpus(new Random(20250109)), new Random(206))
    .Seed(options.Amendments, units, regulations, obstacles);
// Obstacles and amendments are written past the service, so their hotspot tallies, days, waits for an answer and the
// histogram of stage pace are counted the way the migrations count an existing register's.
foreach (var kept in new[] { "obstacle_hotspots", "obstacle_days", "obstacle_resolutions", "obstacle_answer_waits", "amendment_stage_pace" })
{
    var script = MigrationRunner.Embedded(typeof(SeedOptions).Assembly, DatabaseProvider.Sqlite).Single(m => m.Name.Contains(kept, StringComparison.Ordinal)).Script;
    await Exec(connection, script[script.IndexOf("INSERT INTO", StringComparison.Ordinal)..]);
}
await Exec(connection, "PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);");

var folder = Path.GetDirectoryName(Path.GetFullPath(options.Database))!;
await File.WriteAllLinesAsync(Path.Combine(folder, "obstacle-ids.txt"), obstacles.OrderBy(_ => Random.Shared.Next()).Take(2000).Select(id => id.ToString()));
await File.WriteAllLinesAsync(Path.Combine(folder, "regulation-ids.txt"), regulations.Take(2000).Select(id => id.ToString()));
await File.WriteAllLinesAsync(Path.Combine(folder, "amendment-ids.txt"), amendments.OrderBy(_ => Random.Shared.Next()).Take(2000).Select(id => id.ToString()));
await File.WriteAllLinesAsync(Path.Combine(folder, "unit-ids.txt"), units.Select(id => id.ToString()));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"seeded {units.Count} units, {regulations.Count} regulations, {obstacles.Count} obstacles, {amendments.Count} amendments in {watch.Elapsed.TotalSeconds:F0} s; {new FileInfo(options.Database).Length / 1048576} MiB"));
return 0;

static async Task Exec(DbConnection connection, string sql)
{
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    await command.ExecuteNonQueryAsync();
}

/// <param name="Amendments">One per 20 obstacles unless given (<c>--amendments</c>): a register with more open work, for the forecast round.</param>
internal sealed record SeedOptions(string Database, int Obstacles, int Regulations, int Units, int Amendments)
{
    public static SeedOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        return new SeedOptions(
            Value("--database", "bench/data/bench.db"),
            int.Parse(Value("--obstacles", "100000"), CultureInfo.InvariantCulture),
            int.Parse(Value("--regulations", "10000"), CultureInfo.InvariantCulture),
            int.Parse(Value("--units", "80"), CultureInfo.InvariantCulture),
            args.Contains("--amendments") ? int.Parse(Value("--amendments", "0"), CultureInfo.InvariantCulture)
                : int.Parse(Value("--obstacles", "100000"), CultureInfo.InvariantCulture) / 20);
    }
}

internal sealed class SeedConnections(string connectionString) : IDbConnectionFactory
{
    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    // Only migrations run through this factory, and they open their own connections.
    public Task<DbConnection> RentAsync(CancellationToken ct) => OpenAsync(ct);
}
