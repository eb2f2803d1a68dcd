using Microsoft.Data.Sqlite;
using ObstacleRegister.BuildingBlocks.Text;

namespace ObstacleRegister.Bench.Seed;

/// <summary>
/// Writes one obstacle as intake does (the row, its citation, its first history event and its search text),
/// then the history events that brought it to its status, days and weeks later, as triage and amendments would.
/// </summary>
internal sealed class ObstacleWriter(SqliteConnection connection)
{
    private const string InsertObstacle = """
        INSERT INTO obstacle (id, reference, unit_id, reported_by_key_id, title, description, category, severity, proposal,
                              impact, contact, status, duplicate_of_id, answer, created_at, updated_at, version)
        VALUES ($id, $reference, $unit, $key, $title, $description, $category, $severity, $proposal,
                $impact, 'Vụ Pháp chế, 024 3943 0000', $status, NULL, NULL, $at, $at, 1)
        """;

    private const string InsertCitation = """
        INSERT INTO obstacle_regulation (obstacle_id, position, regulation_id, provision, article, clause, point, obstacle_seq)
        VALUES ($id, 0, $regulation, $provision, $article, NULL, NULL, (SELECT seq FROM obstacle WHERE id = $id))
        """;

    private const string InsertEvent = """
        INSERT INTO obstacle_event (id, obstacle_id, at, action, from_status, to_status, reason, related_id, key_id, unit_id)
        VALUES ($event, $id, $at, 'submitted', NULL, 'submitted', NULL, NULL, $key, $unit)
        """;

    private const string InsertOutcome = """
        INSERT INTO obstacle_event (id, obstacle_id, at, action, from_status, to_status, reason, related_id, key_id, unit_id)
        VALUES ($event, $id, $at, $action, $from, $to, NULL, NULL, $key, NULL)
        """;

    /// <summary>The steps to each status after submission, and how many days after it each happens.</summary>
    private static readonly Dictionary<string, (string Action, string From, string To, int Days)[]> Steps = new()
    {
        ["accepted"] = [("accepted", "submitted", "accepted", 5)],
        ["rejected"] = [("rejected", "submitted", "rejected", 6)],
        ["duplicate"] = [("marked_duplicate", "submitted", "duplicate", 4)],
        ["withdrawn"] = [("withdrawn", "submitted", "withdrawn", 2)],
        ["in_amendment"] = [("accepted", "submitted", "accepted", 5), ("linked_to_amendment", "accepted", "in_amendment", 12)],
        ["resolved"] =
        [
            ("accepted", "submitted", "accepted", 5), ("linked_to_amendment", "accepted", "in_amendment", 12), ("resolved", "in_amendment", "resolved", 75),
        ],
    };

    private const string InsertSearch = "INSERT INTO obstacle_search (rowid, text) VALUES (last_insert_rowid(), $text)";

    private static readonly Guid BenchKey = Guid.Parse("00000000-0000-7000-8000-00000000b0b0");

    private SqliteTransaction? transaction;
    private SqliteCommand[] commands = [];

    internal sealed record Row(
        Guid Id, string Reference, Guid Unit, string Title, string Description, string Category, string Severity, string Proposal,
        string Impact, string Status, DateTimeOffset Created, Guid Regulation, string Provision)
    {
        public string At => Seeder.Text(Created);
    }

    public Task Begin()
    {
        transaction = connection.BeginTransaction();
        commands = [.. new[] { InsertObstacle, InsertSearch, InsertCitation, InsertEvent, InsertOutcome }.Select(sql => Seeder.Command(transaction, sql))];
        return Task.CompletedTask;
    }

    public async Task Write(Row row)
    {
        var article = int.Parse(row.Provision.Split(' ', ',')[1], System.Globalization.CultureInfo.InvariantCulture);
        Seeder.Bind(commands[0], ("$id", row.Id.ToString()), ("$reference", row.Reference), ("$unit", row.Unit.ToString()),
            ("$key", BenchKey.ToString()), ("$title", row.Title), ("$description", row.Description), ("$category", row.Category),
            ("$severity", row.Severity), ("$proposal", row.Proposal), ("$impact", row.Impact), ("$status", row.Status), ("$at", row.At));
        await commands[0].ExecuteNonQueryAsync();
        Seeder.Bind(commands[1], ("$text", VietnameseText.Fold($"{row.Title}\n{row.Description}")));
        await commands[1].ExecuteNonQueryAsync();
        Seeder.Bind(commands[2], ("$id", row.Id.ToString()), ("$regulation", row.Regulation.ToString()), ("$provision", row.Provision),
            ("$article", article));
        await commands[2].ExecuteNonQueryAsync();
        Seeder.Bind(commands[3], ("$event", Guid.CreateVersion7().ToString()), ("$id", row.Id.ToString()), ("$at", row.At),
            ("$key", BenchKey.ToString()), ("$unit", row.Unit.ToString()));
        await commands[3].ExecuteNonQueryAsync();
        foreach (var (action, from, to, days) in Steps.GetValueOrDefault(row.Status) ?? [])
        {
            Seeder.Bind(commands[4], ("$event", Guid.CreateVersion7().ToString()), ("$id", row.Id.ToString()), ("$at", Seeder.Text(row.Created.AddDays(days))),
                ("$action", action), ("$from", from), ("$to", to), ("$key", BenchKey.ToString()));
            await commands[4].ExecuteNonQueryAsync();
        }
    }

    public async Task Commit()
    {
        await transaction!.CommitAsync();
        foreach (var command in commands)
        {
            await command.DisposeAsync();
        }

        await transaction.DisposeAsync();
        transaction = null;
    }
}
