using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.Reporting;
using ObstacleRegister.Tests.Api.Amendments;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Reports;

/// <summary>
/// The report figures read from the kept days equal the figures counted the slow way, from every obstacle and history
/// step, for periods that start and end on whole days, at the register's midnight and at odd hours, for the register
/// and for one unit; and the migration's backfill counts what the writes kept.
/// </summary>
public sealed class ObstacleDaysTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    private const string SlowReceived = "SELECT unit_id AS UnitId, COUNT(*) AS Count FROM obstacle WHERE created_at >= @From AND created_at < @To /*unit*/ GROUP BY unit_id";

    private const string SlowOutcomes = """
        SELECT o.unit_id AS UnitId, e.action AS Action, COUNT(*) AS Count
        FROM obstacle_event e JOIN obstacle o ON o.id = e.obstacle_id
        WHERE e.at >= @From AND e.at < @To
          AND e.action IN ('accepted', 'rejected', 'marked_duplicate', 'withdrawn', 'resolved', 'resolved_with_master') /*unit*/
        GROUP BY o.unit_id, e.action
        """;

    private const string SlowCited = """
        SELECT c.regulation_id AS RegulationId, COUNT(DISTINCT o.id) AS Obstacles
        FROM obstacle o JOIN obstacle_regulation c ON c.obstacle_id = o.id
        WHERE o.created_at >= @From AND o.created_at < @To AND o.status <> 'withdrawn' /*unit*/
        GROUP BY c.regulation_id
        """;

    private const string SlowDays = """
        SELECT o.unit_id AS UnitId, /*days*/ AS Days FROM obstacle_event e JOIN obstacle o ON o.id = e.obstacle_id
        WHERE e.at >= @From AND e.at < @To AND e.action IN ('resolved', 'resolved_with_master') /*unit*/
        """;

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [SetUp]
    public async Task SpreadActivityOverDaysAndHours()
    {
        // Steps land just before and after UTC midnight and the register's (17:00 UTC), and in the middle of days.
        TimeSpan[] moments = [new(0, 0, 0), new(16, 59, 59), new(17, 0, 0), new(23, 59, 59), new(9, 30, 0)];
        var ids = new List<string>();
        for (var i = 0; i < 15; i++)
        {
            Clock.Now = Start.AddDays(i / 2).Add(moments[i % moments.Length]);
            var reporter = i % 3 == 0 ? ReporterB : ReporterA;
            var body = Obstacle($"Vướng mắc số {i} về cấp phép", provision: $"Điều {(i % 4) + 1}", regulationId: i % 2 == 0 ? DecreeId : CircularId);
            if (i % 5 == 0)
            {
                body["regulations"]!.AsArray().Add(new JsonObject { ["regulationId"] = CircularId, ["provision"] = "Điều 9" });
            }

            ids.Add((await Submit(reporter, body)).Str("id"));
        }

        Clock.Now = Start.AddDays(3).AddHours(17);
        await Transition(Coordinator.Http, ids[1], "accept");
        await Transition(Coordinator.Http, ids[2], "accept");
        await Transition(Coordinator.Http, ids[4], "reject", Reason("Không phải vướng mắc."));
        Clock.Now = Start.AddDays(4).AddSeconds(-1);
        await Transition(ReporterB.Http, ids[3], "withdraw");
        await Transition(Coordinator.Http, ids[5], "duplicate", new JsonObject { ["duplicateOfId"] = ids[2] });
        Clock.Now = Start.AddDays(5).AddHours(3);
        using (var correction = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/obstacles/{ids[7]}")
        {
            Content = new StringContent(
                $$"""{"regulations":[{"regulationId":"{{DecreeId}}","provision":"Điều 3"},{"regulationId":"{{CircularId}}","provision":"Điều 1"}]}""",
                System.Text.Encoding.UTF8, "application/merge-patch+json"),
        })
        {
            correction.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            await (await ReporterA.Http.SendAsync(correction)).ExpectJson(200);
        }

        var amendment = (await Open(OpenBody(ids[2]))).Str("id");
        await AdvanceTo(amendment, "submitted");
        Clock.Now = Start.AddDays(6).AddHours(17);
        await Issue(amendment, IssueBody(NewCircularSymbol(), issuedOn: "2026-03-09", effectiveOn: "2026-03-09"));
        Clock.Now = Start.AddDays(9);
    }

    [Test]
    public async Task EveryPeriod_AddsUpAsTheSlowCount()
    {
        DateTimeOffset At(double days) => Start.AddDays(days);
        (DateTimeOffset From, DateTimeOffset To)[] periods =
        [
            (At(0), At(9)), (At(-1).AddHours(17), At(6).AddHours(17)), (At(0).AddHours(17), At(3).AddHours(17)), (At(1), At(4)),
            (At(1).AddSeconds(-1), At(4).AddHours(5.5)), (At(2).AddHours(10), At(2).AddHours(11)), (At(3.5), At(4.25)), (At(4), At(4)),
            HanoiWeek(-1), HanoiWeek(1), (HanoiMidnight(new(2026, 3, 1)), HanoiMidnight(new(2026, 4, 1))),
            (HanoiMidnight(new(2026, 2, 1)), HanoiMidnight(new(2026, 3, 1))),
        ];

        await using var scope = Factory.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var db = scope.ServiceProvider.GetRequiredService<IDbSession>();
        Assert.That((await SlowResolutionDays(db, At(0), At(9), null)).Count, Is.EqualTo(2), "a resolution and a duplicate resolved with it");
        Assert.Multiple(async () =>
        {
            foreach (var (from, to) in periods)
            {
                foreach (Guid? unit in new Guid?[] { null, ReporterA.UnitId })
                {
                    var what = $"{from:O} – {to:O}, unit {unit}";
                    var fast = await mediator.Send(new CountObstacleActivity(from, to, unit));
                    var cited = await mediator.Send(new MostCitedRegulations(from, to, unit, 50));
                    Assert.That(Figures(fast), Is.EquivalentTo(await SlowFigures(db, from, to, unit)), what);
                    Assert.That(cited.Select(c => $"{c.RegulationId}:{c.Obstacles}"), Is.EquivalentTo(await SlowCitations(db, from, to, unit)), what);
                    var slowDays = await SlowResolutionDays(db, from, to, unit);
                    Assert.That(await mediator.Send(new MedianDaysToResolution(from, to, unit)), Is.EqualTo(Median(slowDays.Select(d => d.Days))), what);
                    if (unit is null)
                    {
                        var byUnit = await mediator.Send(new MedianDaysToResolutionByUnit(from, to));
                        Assert.That(byUnit.Select(u => $"{u.UnitId}:{u.MedianDays}"),
                            Is.EquivalentTo(slowDays.GroupBy(d => d.UnitId).Select(g => $"{g.Key}:{Median(g.Select(d => d.Days))}")), what);
                    }
                }
            }
        });
    }

    [Test]
    public async Task TheRegistersWeeksAndMonths_AreReadRanked_WhileCountedInItsZone()
    {
        var (from, to) = HanoiWeek(0);
        await using var scope = Factory.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var db = scope.ServiceProvider.GetRequiredService<IDbSession>();
        var slow = await SlowCitations(db, from, to, null);
        await using var connection = await Factory.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        async Task<IEnumerable<string>> Ranked() =>
            (await mediator.Send(new MostCitedRegulations(from, to, null, 50))).Select(c => $"{c.RegulationId}:{c.Obstacles}");

        Assert.That(await Ranked(), Is.EquivalentTo(slow).And.Not.Empty);
        await connection.ExecuteAsync("UPDATE obstacle_period_citation SET obstacles = obstacles + 100 WHERE period = 'week'");
        var marked = (await mediator.Send(new MostCitedRegulations(from, to, null, 50))).Select(c => c.Obstacles).ToList();
        await connection.ExecuteAsync("UPDATE obstacle_period_zone SET zone = 'Europe/Paris'");
        var otherZone = (await Ranked()).ToList();
        await using var counting = Factory.Services.CreateAsyncScope();
        var counted = await counting.ServiceProvider.GetRequiredService<IMediator>().Send(new CountPeriodCitations());

        Assert.Multiple(async () =>
        {
            Assert.That(marked, Is.Not.Empty.And.All.GreaterThan(100), "the week is read from its kept ranking");
            Assert.That(otherZone, Is.EquivalentTo(slow), "periods counted in another zone are not read");
            Assert.That(counted, Is.GreaterThan(0), "a zone that is not the register's is counted again");
            Assert.That(await Ranked(), Is.EquivalentTo(slow));
            Assert.That(await connection.QueryAsync<string>("SELECT zone FROM obstacle_period_zone"), Is.EqualTo(new[] { "Asia/Ho_Chi_Minh" }));
        });
    }

    [Test]
    public async Task TheCountAtStart_CountsWhatTheWritesKept()
    {
        const string Periods = """
            SELECT CONCAT(period, '/', first_day, '/', regulation_id, ':', obstacles) FROM obstacle_period_citation WHERE obstacles > 0
            ORDER BY period, first_day, regulation_id
            """;
        await using var connection = await Factory.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        var kept = (await connection.QueryAsync<string>(Periods)).ToList();
        await using var scope = Factory.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var unchanged = await mediator.Send(new CountPeriodCitations());
        await connection.ExecuteAsync("DELETE FROM obstacle_period_zone");
        await using var again = Factory.Services.CreateAsyncScope();
        var counted = await again.ServiceProvider.GetRequiredService<IMediator>().Send(new CountPeriodCitations());

        Assert.Multiple(async () =>
        {
            Assert.That(unchanged, Is.Null, "periods counted in the register's zone are not counted again");
            Assert.That(counted, Is.EqualTo(2 + 1), "the two weeks and the month of the obstacles");
            Assert.That(await connection.QueryAsync<string>(Periods), Is.EqualTo(kept).And.Not.Empty);
        });
    }

    [Test]
    public async Task AStart_WhileAnotherInstanceCounts_ServesAndRanksFromTheKeptDays()
    {
        var (from, to) = HanoiWeek(0);
        await using var connection = await Factory.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("DELETE FROM obstacle_period_zone");
        using var restarted = new RegisterFactory(Factory.Database, Clock);
        restarted.Faults.Fail<CountPeriodCitations>(1, () => new DatabaseBusyException());

        using var client = restarted.CreateClient();
        var live = await client.GetAsync("/health/live");
        await using var scope = restarted.Services.CreateAsyncScope();
        var ranked = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new MostCitedRegulations(from, to, null, 50));
        var slow = await SlowCitations(scope.ServiceProvider.GetRequiredService<IDbSession>(), from, to, null);

        Assert.Multiple(async () =>
        {
            Assert.That(live.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "the host started without counting");
            Assert.That(restarted.LogLines, Has.Some.Contains("being counted elsewhere"));
            Assert.That(await connection.QueryAsync<string>("SELECT zone FROM obstacle_period_zone"), Is.Empty, "left to the instance counting");
            Assert.That(ranked.Select(c => $"{c.RegulationId}:{c.Obstacles}"), Is.EquivalentTo(slow).And.Not.Empty);
        });
    }

    [Test]
    public async Task TheMigrationsBackfill_CountsWhatTheWritesKept()
    {
        var connections = Factory.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        var kept = await Kept(connection);
        await connection.ExecuteAsync("DELETE FROM obstacle_day; DELETE FROM obstacle_day_citation; DELETE FROM obstacle_resolution;");
        foreach (var migration in new[] { "0026_obstacle_days.sql", "0027_obstacle_resolutions.sql" })
        {
            var script = File.ReadAllText(Path.Combine(Repository.MigrationsFolder(Provider), migration));
            await connection.ExecuteAsync(script[script.IndexOf("INSERT INTO", StringComparison.Ordinal)..]);
        }

        Assert.That(await Kept(connection), Is.EqualTo(kept).And.Not.Empty);
    }

    private static DateTimeOffset HanoiMidnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));

    /// <summary>A week of the register (Monday to Monday in Hanoi), counted from the week the activity starts in.</summary>
    private static (DateTimeOffset From, DateTimeOffset To) HanoiWeek(int weeks) =>
        (HanoiMidnight(new DateOnly(2026, 3, 2).AddDays(7 * weeks)), HanoiMidnight(new DateOnly(2026, 3, 9).AddDays(7 * weeks)));

    private static IEnumerable<string> Figures(IEnumerable<ObstacleActivity> activity) => activity
        .Select(a => $"{a.UnitId} r{a.Received} a{a.Accepted} x{a.Rejected} d{a.Duplicates} w{a.Withdrawn} s{a.Resolved}")
        .Where(f => !f.EndsWith(" r0 a0 x0 d0 w0 s0", StringComparison.Ordinal));

    private static async Task<IEnumerable<string>> SlowFigures(IDbSession db, DateTimeOffset from, DateTimeOffset to, Guid? unit)
    {
        var parameters = new { From = from, To = to, UnitId = unit };
        var received = (await db.QueryAsync<Counted>(QueryFilters.ForUnit(SlowReceived, "unit_id", unit), parameters, CancellationToken.None))
            .ToDictionary(r => r.UnitId, r => r.Count);
        var outcomes = (await db.QueryAsync<Counted>(QueryFilters.ForUnit(SlowOutcomes, "o.unit_id", unit), parameters, CancellationToken.None))
            .ToLookup(r => r.UnitId);
        int Of(Guid u, params string[] actions) => outcomes[u].Where(o => actions.Contains(o.Action)).Sum(o => o.Count);
        return received.Keys.Union(outcomes.Select(g => g.Key)).Select(u =>
            $"{u} r{received.GetValueOrDefault(u)} a{Of(u, "accepted")} x{Of(u, "rejected")} d{Of(u, "marked_duplicate")} w{Of(u, "withdrawn")} s{Of(u, "resolved", "resolved_with_master")}")
            .ToList();
    }

    private static async Task<IEnumerable<string>> SlowCitations(IDbSession db, DateTimeOffset from, DateTimeOffset to, Guid? unit) =>
        (await db.QueryAsync<Cited>(QueryFilters.ForUnit(SlowCited, "o.unit_id", unit), new { From = from, To = to, UnitId = unit }, CancellationToken.None))
        .Select(c => $"{c.RegulationId}:{c.Obstacles}").ToList();

    private static async Task<List<string>> Kept(System.Data.Common.DbConnection connection) =>
    [
        .. await connection.QueryAsync<string>("""
            SELECT CONCAT(day, '/', unit_id, ':', received, accepted, rejected, duplicates, withdrawn, resolved) FROM obstacle_day ORDER BY day, unit_id
            """),
        .. await connection.QueryAsync<string>("""
            SELECT CONCAT(day, '/', unit_id, '/', regulation_id, ':', obstacles) FROM obstacle_day_citation WHERE obstacles > 0 ORDER BY day, unit_id, regulation_id
            """),
        .. await connection.QueryAsync<string>("SELECT CONCAT(at, '/', event_id, '/', unit_id, ':', days) FROM obstacle_resolution ORDER BY at, event_id"),
    ];

    /// <summary>The middle value, or the mean of the middle two, to one decimal: what the report states.</summary>
    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : Math.Round(sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2, 1);
    }

    private static async Task<List<(Guid UnitId, double Days)>> SlowResolutionDays(IDbSession db, DateTimeOffset from, DateTimeOffset to, Guid? unit) =>
    [
        .. (await db.QueryAsync<Resolution>(
                QueryFilters.ForUnit(SlowDays.Replace("/*days*/", db.Dialect.DaysBetweenInstants("o.created_at", "e.at"), StringComparison.Ordinal), "o.unit_id", unit),
                new { From = from, To = to, UnitId = unit }, CancellationToken.None))
            .Select(r => (r.UnitId, r.Days)),
    ];

    private sealed class Resolution
    {
        public Guid UnitId { get; set; }

        public double Days { get; set; }
    }

    private sealed class Counted
    {
        public Guid UnitId { get; set; }

        public string Action { get; set; } = "";

        public int Count { get; set; }
    }

    private sealed class Cited
    {
        public Guid RegulationId { get; set; }

        public int Obstacles { get; set; }
    }
}
