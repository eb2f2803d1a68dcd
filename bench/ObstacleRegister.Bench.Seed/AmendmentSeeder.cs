using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ObstacleRegister.Bench.Seed;

/// <summary>
/// Amendments at the budget's ratio (one per 20 obstacles: 50,000 at a million), spread over units and due
/// dates around today, with their stage rows, first deadline, first event, a check-in when open, and two
/// linked obstacles each, so list, detail and deadline reads do the work they do in production.
/// </summary>
internal sealed class AmendmentSeeder(SqliteConnection connection, VietnameseCorpus corpus, Random random)
{
    private const int Batch = 10_000;

    private static readonly (string Status, int Weight)[] Statuses =
    [
        ("planned", 10), ("drafting", 25), ("consultation", 15), ("appraisal", 10), ("submitted", 10), ("issued", 5), ("in_force", 20), ("cancelled", 5),
    ];

    private static readonly string[] Stages = ["planned", "drafting", "consultation", "appraisal", "submitted", "issued", "in_force"];

    private static readonly string[] Kinds = ["amend", "supplement", "replace", "repeal", "new_guidance", "interpretation", "temporary_adjustment"];

    private static readonly string[] Sql =
    [
        """
        INSERT INTO amendment (id, regulation_id, kind, title, drafting_unit_id, official_name, official_position, shortened_procedure,
                               status, is_open, due_on, original_due_on, last_progress_at, created_at, updated_at, version)
        VALUES ($id, $regulation, $kind, $title, $unit, 'Nguyễn Văn B', 'Thứ trưởng', 0, $status, $open, $due, $original, $progress, $created, $created, 1)
        """,
        "INSERT INTO amendment_stage (amendment_id, stage, planned_on, reached_on) VALUES ($id, $stage, NULL, $reached)",
        """
        INSERT INTO amendment_deadline (id, amendment_id, at, previous_due_on, due_on, reason, key_id, unit_id)
        VALUES ($row, $id, $created, NULL, $original, 'Set when the amendment was opened.', NULL, NULL)
        """,
        """
        INSERT INTO amendment_event (id, amendment_id, at, action, from_status, to_status, detail, key_id, unit_id)
        VALUES ($row, $id, $created, 'opened', NULL, 'planned', $title, NULL, NULL)
        """,
        """
        INSERT INTO amendment_progress (id, amendment_id, at, stage, note, blockers, resources_requested, key_id, unit_id)
        VALUES ($row, $id, $progress, $status, $note, NULL, NULL, $row, $unit)
        """,
        "INSERT OR IGNORE INTO amendment_obstacle (amendment_id, obstacle_id, linked_at) VALUES ($id, $obstacle, $created)",
    ];

    public async Task<List<Guid>> Seed(int count, List<Guid> units, List<Guid> regulations, List<Guid> obstacles)
    {
        var ids = new List<Guid>(count);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTimeOffset.UtcNow;
        SqliteTransaction? transaction = null;
        SqliteCommand[] commands = [];
        for (var i = 0; i < count; i++)
        {
            if (i % Batch == 0)
            {
                transaction = connection.BeginTransaction();
                commands = [.. Sql.Select(sql => Seeder.Command(transaction, sql))];
            }

            var id = Guid.CreateVersion7();
            ids.Add(id);
            var status = Pick();
            var open = Array.IndexOf(Stages, status) is >= 0 and <= 4;
            var due = today.AddDays(random.Next(-400, 400));
            var original = random.Next(4) == 0 ? due.AddDays(-random.Next(10, 120)) : due;
            var created = now.AddDays(-random.Next(30, 700));
            var progress = now.AddDays(-random.Next(0, 30)).AddMinutes(-random.Next(1440));
            var values = new (string, object?)[]
            {
                ("$id", id.ToString()), ("$regulation", regulations[random.Next(regulations.Count)].ToString()), ("$kind", Kinds[random.Next(Kinds.Length)]),
                ("$title", corpus.Title()), ("$unit", units[random.Next(units.Count)].ToString()), ("$status", status), ("$open", open ? 1 : 0),
                ("$due", Date(due)), ("$original", Date(original)), ("$progress", Seeder.Text(progress)), ("$created", Seeder.Text(created)),
                ("$row", Guid.CreateVersion7().ToString()), ("$note", corpus.Description()),
            };
            Seeder.Bind(commands[0], values[..11]);
            await commands[0].ExecuteNonQueryAsync();
            var reachedUpTo = status == "cancelled" ? 1 : Array.IndexOf(Stages, status);
            for (var s = 0; s < Stages.Length; s++)
            {
                Seeder.Bind(commands[1], ("$id", id.ToString()), ("$stage", Stages[s]), ("$reached", s <= reachedUpTo ? Date(today.AddDays(s - 10)) : null));
                await commands[1].ExecuteNonQueryAsync();
            }

            foreach (var command in open ? commands[2..5] : commands[2..4])
            {
                Seeder.Bind(command, values);
                await command.ExecuteNonQueryAsync();
            }

            for (var link = 0; link < 2; link++)
            {
                Seeder.Bind(commands[5], ("$id", id.ToString()), ("$obstacle", obstacles[random.Next(obstacles.Count)].ToString()), ("$created", Seeder.Text(created)));
                await commands[5].ExecuteNonQueryAsync();
            }

            if ((i + 1) % Batch == 0 || i == count - 1)
            {
                await transaction!.CommitAsync();
                await transaction.DisposeAsync();
                Console.Write($"\r{i + 1} amendments");
            }
        }

        Console.WriteLine();
        return ids;
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Pick()
    {
        var roll = random.Next(100);
        foreach (var (status, weight) in Statuses)
        {
            if ((roll -= weight) < 0)
            {
                return status;
            }
        }

        return "drafting";
    }
}
