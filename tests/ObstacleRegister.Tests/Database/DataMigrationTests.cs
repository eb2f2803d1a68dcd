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

    [Test]
    public async Task Migrations37To40_GiveEveryWaitItsStartAndItsEnd_FromTheHistoryStoredBefore()
    {
        using var scratch = await SqliteScratch.MigratedTo(36);
        await using (var connection = new SqliteConnection(scratch.Options.ConnectionString))
        {
            await connection.ExecuteAsync("PRAGMA foreign_keys = OFF");
            // Answered on its 14th day; waiting since 2026-03-01; asked a question, then answered it and waiting again; withdrawn unanswered.
            await connection.ExecuteAsync("""
                INSERT INTO obstacle (id, reference, unit_id, title, description, category, severity, proposal, status, created_at, updated_at, version) VALUES
                ('o1', 'VM-1', 'u', 't', 'd', 'conflict', 'high', 'amend', 'accepted', '2026-02-16T02:00:00+00:00', '2026-03-02T03:00:00+00:00', 2),
                ('o2', 'VM-2', 'u', 't', 'd', 'conflict', 'high', 'amend', 'submitted', '2026-03-01T02:00:00+00:00', '2026-03-01T02:00:00+00:00', 1),
                ('o3', 'VM-3', 'u', 't', 'd', 'conflict', 'high', 'amend', 'submitted', '2026-02-20T02:00:00+00:00', '2026-02-25T02:00:00+00:00', 3),
                ('o4', 'VM-4', 'u', 't', 'd', 'conflict', 'high', 'amend', 'withdrawn', '2026-02-20T02:00:00+00:00', '2026-02-21T02:00:00+00:00', 2);
                INSERT INTO obstacle_event (id, obstacle_id, at, action, from_status, to_status, unit_id) VALUES
                ('e1', 'o1', '2026-02-16T02:00:00+00:00', 'submitted', NULL, 'submitted', 'u'),
                ('e2', 'o1', '2026-02-20T02:00:00+00:00', 'commented', 'submitted', 'submitted', 'c'),
                ('e3', 'o1', '2026-03-02T03:00:00+00:00', 'accepted', 'submitted', 'accepted', 'c'),
                ('e4', 'o2', '2026-03-01T02:00:00+00:00', 'submitted', NULL, 'submitted', 'u'),
                ('e5', 'o3', '2026-02-20T02:00:00+00:00', 'submitted', NULL, 'submitted', 'u'),
                ('e6', 'o3', '2026-02-21T02:00:00+00:00', 'information_requested', 'submitted', 'needs_information', 'c'),
                ('e7', 'o3', '2026-02-25T02:00:00+00:00', 'information_provided', 'needs_information', 'submitted', 'u'),
                ('e8', 'o4', '2026-02-20T02:00:00+00:00', 'submitted', NULL, 'submitted', 'u'),
                ('e9', 'o4', '2026-02-21T02:00:00+00:00', 'withdrawn', 'submitted', 'withdrawn', 'u');
                """);
        }

        await scratch.Runner().ApplyAsync(Repository.Migrations(DatabaseProvider.Sqlite), CancellationToken.None);

        await using var read = new SqliteConnection(scratch.Options.ConnectionString);
        var waits = (await read.QueryAsync<(string Id, string DueOn, string? AnsweredOn, string? By, long? Days)>(
            "SELECT id, due_on, answered_on, answered_by_unit_id, answer_days FROM obstacle_answer_wait ORDER BY id")).ToList();
        var since = (await read.QueryAsync<(string Id, string? Since)>("SELECT id, awaiting_answer_since FROM obstacle ORDER BY id")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(waits, Is.EqualTo(new (string, string, string?, string?, long?)[]
            {
                ("e1", "2026-03-03", "2026-03-02", "c", 14),
                ("e4", "2026-03-16", null, null, null),
                ("e5", "2026-03-07", "2026-02-21", "c", 1),
                ("e7", "2026-03-12", null, null, null),
            }), "a comment is no answer; a question is; the unit's answer starts a new wait; a withdrawn report is owed nothing");
            Assert.That(since.Single(s => s.Id == "o2").Since, Is.EqualTo("2026-03-01T02:00:00+00:00"));
            Assert.That(since.Single(s => s.Id == "o3").Since, Is.EqualTo("2026-02-25T02:00:00+00:00"), "the latest entry into submitted");
        });
    }

    [Test]
    public async Task Migration41_CountsThePaceOfEveryStageLeft_AsTheWholeHistorySaysIt()
    {
        // The register's own mapping (snake_case columns, SQLite's text ids and days), as the service reads these rows.
        DapperTypeHandlers.Register();
        using var scratch = await SqliteScratch.MigratedTo(40);
        await using (var connection = new SqliteConnection(scratch.Options.ConnectionString))
        {
            await connection.ExecuteAsync("PRAGMA foreign_keys = OFF");
            // a1 walked every stage; a2 skipped consultation and appraisal (shortened) and is at submitted; a3 was cancelled while drafting.
            await connection.ExecuteAsync("""
                INSERT INTO amendment (id, regulation_id, kind, title, drafting_unit_id, official_name, official_position, shortened_procedure, status,
                                       is_open, due_on, original_due_on, last_progress_at, created_at, updated_at, version) VALUES
                ('00000000-0000-7000-8000-0000000000a1', 'r', 'amend', 't', 'u', 'n', 'p', 0, 'in_force', 0, '2026-12-31', '2026-12-31', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', 1),
                ('00000000-0000-7000-8000-0000000000a2', 'r', 'amend', 't', 'u', 'n', 'p', 1, 'submitted', 1, '2026-12-31', '2026-12-31', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', 1),
                ('00000000-0000-7000-8000-0000000000a3', 'r', 'repeal', 't', 'u', 'n', 'p', 0, 'cancelled', 0, '2026-12-31', '2026-12-31', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', 1);
                INSERT INTO amendment_stage (amendment_id, stage, planned_on, reached_on) VALUES
                ('00000000-0000-7000-8000-0000000000a1', 'planned', NULL, '2026-01-01'), ('00000000-0000-7000-8000-0000000000a1', 'drafting', NULL, '2026-01-06'), ('00000000-0000-7000-8000-0000000000a1', 'consultation', NULL, '2026-01-16'),
                ('00000000-0000-7000-8000-0000000000a1', 'appraisal', NULL, '2026-01-26'), ('00000000-0000-7000-8000-0000000000a1', 'submitted', NULL, '2026-02-05'), ('00000000-0000-7000-8000-0000000000a1', 'issued', NULL, '2026-02-10'),
                ('00000000-0000-7000-8000-0000000000a1', 'in_force', NULL, '2026-03-01'),
                ('00000000-0000-7000-8000-0000000000a2', 'planned', NULL, '2026-01-01'), ('00000000-0000-7000-8000-0000000000a2', 'drafting', NULL, '2026-01-11'), ('00000000-0000-7000-8000-0000000000a2', 'consultation', NULL, NULL),
                ('00000000-0000-7000-8000-0000000000a2', 'appraisal', NULL, NULL), ('00000000-0000-7000-8000-0000000000a2', 'submitted', NULL, '2026-01-21'),
                ('00000000-0000-7000-8000-0000000000a3', 'planned', NULL, '2026-01-01'), ('00000000-0000-7000-8000-0000000000a3', 'drafting', NULL, '2026-01-06');
                """);
        }

        await scratch.Runner().ApplyAsync(Repository.Migrations(DatabaseProvider.Sqlite), CancellationToken.None);

        await using var read = new SqliteConnection(scratch.Options.ConnectionString);
        var histogram = (await read.QueryAsync<ObstacleRegister.Amendments.Forecasts.StagePaceCount>(
            ObstacleRegister.Amendments.Forecasts.StagePaceLog.Histogram)).ToList();
        var history = await read.QueryAsync<ObstacleRegister.Amendments.Forecasts.ReachedStage>(ObstacleRegister.Amendments.Forecasts.ForecastHandlers.Reached);
        var (fromHistogram, fromHistory) = (
            ObstacleRegister.Amendments.Forecasts.StagePace.FromHistogram(histogram), ObstacleRegister.Amendments.Forecasts.StagePace.From(history));
        Assert.Multiple(() =>
        {
            Assert.That(histogram.Select(h => $"{h.Kind} {h.Stage} {h.Days}×{h.Observations}"), Is.EquivalentTo(new[]
            {
                "amend planned 5×1", "amend planned 10×1", "amend drafting 10×2", "amend consultation 10×1", "amend appraisal 10×1",
                "amend submitted 5×1", "amend issued 19×1", "repeal planned 5×1",
            }), "a shortened drafting lasts until submission; a stage not left is no observation");
            foreach (var stage in Enum.GetValues<ObstacleRegister.Amendments.Contracts.AmendmentStatus>())
            {
                Assert.That(fromHistogram.Observed(stage), Is.EqualTo(fromHistory.Observed(stage)), $"{stage}: the histogram is the history's");
            }
        });
    }
}
