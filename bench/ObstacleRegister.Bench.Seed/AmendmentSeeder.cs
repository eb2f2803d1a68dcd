using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ObstacleRegister.Bench.Seed;

/// <summary>
/// Amendments at the budget's ratio (one per 20 obstacles: 50,000 at a million), opened over the last two years, each
/// walked through its stages at a pace drawn per stage and kind (skewed: most stages take weeks, some many months) so
/// the stage it has reached today, its stage dates and its issue date tell one story, as the forecast and its backtest
/// need; due dates a plan's length after opening, a quarter of them moved. With their stage rows, first deadline,
/// first event, a check-in when open, and two linked obstacles each, so list, detail and deadline reads do the work
/// they do in production.
/// </summary>
internal sealed class AmendmentSeeder(SqliteConnection connection, VietnameseCorpus corpus, Random random)
{
    private const int Batch = 10_000;

    /// <summary>Median days in planned, drafting, consultation, appraisal and submitted (until issued).</summary>
    private static readonly int[] MedianStageDays = [10, 60, 30, 20, 30];

    private static readonly string[] Stages = ["planned", "drafting", "consultation", "appraisal", "submitted", "issued", "in_force"];

    private static readonly string[] Kinds = ["amend", "supplement", "replace", "repeal", "new_guidance", "interpretation", "temporary_adjustment"];

    private static readonly string[] Sql =
    [
        """
        INSERT INTO amendment (id, regulation_id, kind, title, drafting_unit_id, official_name, official_position, shortened_procedure,
                               status, is_open, due_on, original_due_on, last_progress_at, issued_on, effective_on, created_at, updated_at, version)
        VALUES ($id, $regulation, $kind, $title, $unit, 'Nguyễn Văn B', 'Thứ trưởng', 0, $status, $open, $due, $original, $progress,
                $issued, $effective, $created, $created, 1)
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
            var kind = Kinds[random.Next(Kinds.Length)];
            var created = now.AddDays(-random.Next(30, 730));
            var reached = Walk(DateOnly.FromDateTime(created.UtcDateTime), today, kind);
            var status = random.Next(20) == 0 && reached.Count <= 5 ? "cancelled" : Stages[reached.Count - 1];
            var open = Array.IndexOf(Stages, status) is >= 0 and <= 4;
            var original = DateOnly.FromDateTime(created.UtcDateTime).AddDays(random.Next(90, 360));
            var due = random.Next(4) == 0 ? original.AddDays(random.Next(10, 120)) : original;
            var progress = open ? now.AddDays(-random.Next(0, 30)).AddMinutes(-random.Next(1440)) : created;
            var issued = reached.Count > 5 ? reached[5] : (DateOnly?)null;
            var values = new (string, object?)[]
            {
                ("$id", id.ToString()), ("$regulation", regulations[random.Next(regulations.Count)].ToString()), ("$kind", kind),
                ("$title", corpus.Title()), ("$unit", units[random.Next(units.Count)].ToString()), ("$status", status), ("$open", open ? 1 : 0),
                ("$due", Date(due)), ("$original", Date(original)), ("$progress", Seeder.Text(progress)), ("$created", Seeder.Text(created)),
                ("$issued", issued is { } on ? Date(on) : null), ("$effective", issued is { } from ? Date(from.AddDays(15)) : null),
                ("$row", Guid.CreateVersion7().ToString()), ("$note", corpus.Description()),
            };
            Seeder.Bind(commands[0], values[..13]);
            await commands[0].ExecuteNonQueryAsync();
            for (var s = 0; s < Stages.Length; s++)
            {
                Seeder.Bind(commands[1], ("$id", id.ToString()), ("$stage", Stages[s]), ("$reached", s < reached.Count ? Date(reached[s]) : null));
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

    /// <summary>
    /// The days an amendment opened on <paramref name="opened"/> reached each stage up to today: each stage lasts its
    /// median times a log-normal factor (a few take several times the median), repeals and interpretations half as
    /// long, replacements half as long again; issued work enters into force 15 days later.
    /// </summary>
    private List<DateOnly> Walk(DateOnly opened, DateOnly today, string kind)
    {
        var pace = kind switch { "repeal" or "interpretation" => 0.5, "replace" => 1.5, _ => 1.0 };
        var reached = new List<DateOnly> { opened };
        for (var stage = 0; stage < MedianStageDays.Length; stage++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var next = reached[^1].AddDays(Math.Max(1, (int)Math.Round(MedianStageDays[stage] * pace * Math.Exp(0.6 * gaussian))));
            if (next > today)
            {
                return reached;
            }

            reached.Add(next);
        }

        if (reached[^1].AddDays(15) <= today)
        {
            reached.Add(reached[^1].AddDays(15));
        }

        return reached;
    }
}
