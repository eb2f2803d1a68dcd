using System.Globalization;
using Microsoft.Data.Sqlite;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Text;

namespace ObstacleRegister.Bench.Seed;

/// <summary>Writes rows the way the service would, in large transactions with prepared commands.</summary>
internal sealed class Seeder(SqliteConnection connection, VietnameseCorpus corpus, Random random, SeedOptions options)
{
    private const int Batch = 20_000;

    // Roughly what a register looks like after two years: most reports triaged, a share in amendment or resolved.
    private static readonly (string Status, int Weight)[] Statuses =
    [
        ("submitted", 25), ("accepted", 20), ("rejected", 15), ("duplicate", 5), ("withdrawn", 5), ("in_amendment", 20), ("resolved", 10),
    ];

    private static readonly string[] Categories = ["conflict", "overlap", "unclear", "infeasible", "gap", "outdated", "procedure_burden", "missing_guidance", "other"];
    private static readonly string[] Severities = ["low", "medium", "high", "critical"];
    private static readonly string[] Proposals = ["amend", "supplement", "replace", "repeal", "new_guidance", "interpretation", "temporary_adjustment"];

    private readonly DateTimeOffset start = new(2024, 11, 1, 1, 0, 0, TimeSpan.Zero);

    public async Task<List<Guid>> Units()
    {
        var ids = new List<Guid>();
        await using var transaction = connection.BeginTransaction();
        var insert = Command(transaction, "INSERT INTO unit (id, code, name, kind, parent_id, created_at, version) VALUES ($id, $code, $name, 'ministry', NULL, $at, 1)");
        for (var i = 0; i < options.Units; i++)
        {
            var id = Guid.CreateVersion7();
            ids.Add(id);
            Bind(insert, ("$id", id.ToString()), ("$code", $"BENCH-{i:D3}"), ("$name", $"Đơn vị thử tải số {i}"), ("$at", Text(start)));
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return ids;
    }

    public async Task<List<Guid>> Regulations()
    {
        var ids = new List<Guid>();
        var transaction = connection.BeginTransaction();
        const string insertSql = """
            INSERT INTO regulation (id, symbol, symbol_key, type, title, issuer, issued_on, effective_on, status, guides_id, created_at, updated_at, version)
            VALUES ($id, $symbol, $key, 'decree', $title, 'Chính phủ', $issued, NULL, 'in_force', NULL, $at, $at, 1)
            """;
        var insert = Command(transaction, insertSql);
        var term = Command(transaction, "INSERT OR IGNORE INTO regulation_term (term, regulation_id) VALUES ($term, $id)");
        for (var i = 0; i < options.Regulations; i++)
        {
            var id = Guid.CreateVersion7();
            ids.Add(id);
            var year = 2000 + i % 26;
            var symbol = $"{i / 26 + 1}/{year}/NĐ-CP";
            var title = corpus.RegulationTitle();
            Bind(insert, ("$id", id.ToString()), ("$symbol", symbol), ("$key", VietnameseText.Fold(symbol)), ("$title", title),
                ("$issued", $"{year}-06-01"), ("$at", Text(start.AddMinutes(i))));
            await insert.ExecuteNonQueryAsync();
            foreach (var word in VietnameseText.Terms($"{symbol} {title}"))
            {
                Bind(term, ("$term", word), ("$id", id.ToString()));
                await term.ExecuteNonQueryAsync();
            }

            if ((i + 1) % Batch == 0)
            {
                (transaction, insert, term) = await Renew(transaction, insertSql, "INSERT OR IGNORE INTO regulation_term (term, regulation_id) VALUES ($term, $id)");
            }
        }

        await transaction.CommitAsync();
        return ids;
    }

    public async Task<List<Guid>> Obstacles(List<Guid> units, List<Guid> regulations)
    {
        var ids = new List<Guid>(options.Obstacles);
        var writer = new ObstacleWriter(connection);
        var span = TimeSpan.FromDays(730).Ticks / Math.Max(1, options.Obstacles);
        var numbers = new Dictionary<int, int>();
        for (var i = 0; i < options.Obstacles; i++)
        {
            if (i % Batch == 0)
            {
                await writer.Begin();
            }

            var at = start.AddTicks(span * i);
            var year = at.ToOffset(TimeSpan.FromHours(7)).Year;
            numbers[year] = numbers.GetValueOrDefault(year) + 1;
            var id = Guid.CreateVersion7(at);
            ids.Add(id);
            await writer.Write(new ObstacleWriter.Row(
                id, string.Create(CultureInfo.InvariantCulture, $"VM-{year}-{numbers[year]:D6}"), units[random.Next(units.Count)],
                corpus.Title(), corpus.Description(), Pick(Categories), Pick(Severities), Pick(Proposals), corpus.Impact(),
                PickStatus(), at, regulations[Skewed(regulations.Count)], corpus.Provision()));

            if ((i + 1) % Batch == 0 || i == options.Obstacles - 1)
            {
                await writer.Commit();
                Console.Write($"\r{i + 1} obstacles");
            }
        }

        Console.WriteLine();
        await using var counters = connection.CreateCommand();
        foreach (var (year, last) in numbers)
        {
            counters.CommandText = string.Create(CultureInfo.InvariantCulture, $"INSERT INTO obstacle_reference_counter (year, last_number) VALUES ({year}, {last})");
            await counters.ExecuteNonQueryAsync();
        }

        return ids;
    }

    public static string Text(DateTimeOffset at) => DapperTypeHandlers.ToSqliteText(at);

    public static SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static void Bind(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (command.Parameters.Contains(name))
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }
            else
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }
    }

    private async Task<(SqliteTransaction, SqliteCommand, SqliteCommand)> Renew(SqliteTransaction transaction, string first, string second)
    {
        await transaction.CommitAsync();
        var next = connection.BeginTransaction();
        return (next, Command(next, first), Command(next, second));
    }

    /// <summary>A few regulations cause most obstacles, as in real registers.</summary>
    private int Skewed(int count) => (int)Math.Min(count - 1, Math.Floor(count * Math.Pow(random.NextDouble(), 3)));

    private string Pick(string[] items) => items[random.Next(items.Length)];

    private string PickStatus()
    {
        var roll = random.Next(100);
        foreach (var (status, weight) in Statuses)
        {
            if ((roll -= weight) < 0)
            {
                return status;
            }
        }

        return "submitted";
    }
}
