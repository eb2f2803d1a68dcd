using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Amendments;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Reports;

/// <summary>
/// Hotspots against a register counted by hand. Units A, B, C, D report: on the circular, o1 (A, Điều 5, taken into an
/// amendment due 4 March), o2 (A, Điều 7), o3 (B, Điều 5), o9 (A, Điều 5, reported 9 March); on the decree, o4 (B, Điều 3,
/// resolved by an amendment in force), o5 (C), o8 (A), o10 (D), all Điều 3. Not counted: o6 (C, decree, rejected) and
/// o7 (A, circular, withdrawn), o11 (D, decree, a duplicate of o4, resolved with it). Read on 10 March. Circular: 4 open, 2 units. Decree: 3 open, 3 units, 1 resolved.
/// </summary>
public sealed class HotspotsTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    private KeyedClient reporterC = null!;
    private string circularAmendmentId = "";

    [SetUp]
    public async Task BuildTheKnownRegister()
    {
        reporterC = await CreateKey("reporter");
        var reporterD = await CreateKey("reporter");
        var o1 = await Cite(ReporterA, CircularId, "Điều 5, khoản 2", accept: true);
        await Cite(ReporterA, CircularId, "Điều 7");
        await Cite(ReporterB, CircularId, "Điều 5", accept: true);
        var o4 = await Cite(ReporterB, DecreeId, "Điều 3", accept: true);
        await Cite(reporterC, DecreeId, "khoản 1 Điều 3");
        var o6 = await Cite(reporterC, DecreeId, "Điều 3");
        await Transition(Coordinator.Http, o6, "reject", new JsonObject { ["reason"] = "Đã có hướng dẫn." });
        var o7 = await Cite(ReporterA, CircularId, "Điều 5");
        await Transition(ReporterA.Http, o7, "withdraw");
        await Cite(ReporterA, DecreeId, "Điều 3");
        await Cite(reporterD, DecreeId, "Điều 3");
        var o11 = await Cite(reporterD, DecreeId, "Điều 3");
        await Transition(Coordinator.Http, o11, "duplicate", new JsonObject { ["duplicateOfId"] = o4 });

        var onCircular = OpenBody(o1);
        onCircular["dueOn"] = "2026-03-04";
        circularAmendmentId = (await Open(onCircular)).Str("id");
        var onDecree = OpenBody(o4);
        onDecree["regulationId"] = DecreeId;
        onDecree["shortenedProcedure"] = true;
        var decreeAmendmentId = (await Open(onDecree)).Str("id");
        await CheckIn(decreeAmendmentId, "drafting");
        await CheckIn(decreeAmendmentId, "submitted");
        await Issue(decreeAmendmentId, IssueBody($"{Unique()}/2026/NĐ-CP"));

        SetLocalTime("2026-03-09T10:00:00");
        await Cite(ReporterA, CircularId, "Điều 5");
        SetLocalTime("2026-03-10T10:00:00");
    }

    [Test]
    public async Task Regulations_AreRankedByOpenObstacles_WithTheirArticlesAndAmendments()
    {
        var report = await Coordinator.Http.GetAsync("/api/v1/reports/hotspots").ExpectJson(200);
        var regulations = report["regulations"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(regulations.Select(Figures), Is.EqualTo(new[] { (CircularId, 1, 4, 2, 0), (DecreeId, 2, 3, 3, 1) }));
            Assert.That(regulations[0]!["articles"]!.AsArray().Select(a => (a!["article"]!.GetValue<int>(), a!.Str("provision"), a!["openObstacles"]!.GetValue<int>(), a!["unitsAffected"]!.GetValue<int>())),
                Is.EqualTo(new[] { (5, "Điều 5", 3, 2), (7, "Điều 7", 1, 1) }));
            var amendment = regulations[0]!["amendments"]!.AsArray().Single()!;
            Assert.That((amendment.Str("id"), amendment.Str("status"), amendment["overdue"]!.GetValue<bool>()), Is.EqualTo((circularAmendmentId, "planned", true)));
            Assert.That(regulations[1]!["amendments"]!.AsArray().Single()!.Str("status"), Is.EqualTo("in_force"));
            Assert.That(report["provisions"]!.AsArray().Select(p => (p!["regulation"]!.Str("id"), p!["article"]!.GetValue<int>(), p!["rank"]!.GetValue<int>())),
                Is.EqualTo(new[] { (DecreeId, 3, 1), (CircularId, 5, 2), (CircularId, 7, 3) }), "open obstacles first, then units affected");
        });
    }

    [Test]
    public async Task RankedByUnitsAffected_TheDecreeComesFirst()
    {
        var report = await Coordinator.Http.GetAsync("/api/v1/reports/hotspots?rankBy=units_affected").ExpectJson(200);

        Assert.That(report["regulations"]!.AsArray().Select(Figures), Is.EqualTo(new[] { (DecreeId, 1, 3, 3, 1), (CircularId, 2, 4, 2, 0) }));
    }

    [Test]
    public async Task AUnitAndAPeriod_NarrowWhatIsCounted()
    {
        var ofUnitA = await Coordinator.Http.GetAsync($"/api/v1/reports/hotspots?unitId={ReporterA.UnitId}").ExpectJson(200);
        var ownByDefault = await ReporterA.Http.GetAsync("/api/v1/reports/hotspots").ExpectJson(200);
        var lastDays = await Coordinator.Http.GetAsync("/api/v1/reports/hotspots?from=2026-03-09&to=2026-03-10").ExpectJson(200);
        var beforeThat = await Coordinator.Http.GetAsync("/api/v1/reports/hotspots?to=2026-03-08&limit=1").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(ofUnitA["regulations"]!.AsArray().Select(Figures), Is.EqualTo(new[] { (CircularId, 1, 3, 1, 0), (DecreeId, 2, 1, 1, 0) }));
            Assert.That(ownByDefault.ToJsonString(), Is.EqualTo(ofUnitA.ToJsonString()));
            Assert.That(lastDays["regulations"]!.AsArray().Select(Figures), Is.EqualTo(new[] { (CircularId, 1, 1, 1, 0) }));
            Assert.That(beforeThat["regulations"]!.AsArray().Select(Figures), Is.EqualTo(new[] { (DecreeId, 1, 3, 3, 1) }),
                "before o9 both have 3 open: more units affected ranks first, and limit bounds the ranking");
        });
    }

    [Test]
    public async Task AnotherUnitsHotspots_AreForbidden_AndABackwardPeriodIsAFieldError()
    {
        await ReporterA.Http.GetAsync($"/api/v1/reports/hotspots?unitId={ReporterB.UnitId}").ExpectProblem(403);
        await Coordinator.Http.GetAsync("/api/v1/reports/hotspots?from=2026-03-10&to=2026-03-09").ExpectProblem(400, "to");
        await Coordinator.Http.GetAsync("/api/v1/reports/hotspots?rankBy=loudest").ExpectProblem(400, "rankBy");
    }

    [Test]
    public async Task AsCsv_EachRegulationIsFollowedByItsArticles_ThenTheArticlesRanked()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/hotspots");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await Coordinator.Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
            Assert.That(bytes[..3], Is.EqualTo(Encoding.UTF8.GetPreamble()));
            Assert.That(lines[0], Does.StartWith("rank,regulation_id,regulation_symbol,regulation_title,regulation_status,article,provision,open_obstacles"));
            Assert.That(lines[1], Does.StartWith($"1,{CircularId},").And.Contain(",,,4,2,0,planned 2026-03-04 overdue"));
            Assert.That(lines[2], Does.StartWith($"1,{CircularId},").And.EndWith(",5,Điều 5,3,2,0,"));
            Assert.That(lines.SkipWhile(l => l.Length > 0).Skip(2).First(), Does.StartWith($"1,{DecreeId},").And.EndWith(",3,Điều 3,3,3,1"));
        });
    }

    [TestCase("")]
    [TestCase("rankBy=units_affected")]
    [TestCase("unitId=A")]
    [TestCase("unitId=B&rankBy=units_affected")]
    public async Task TheKeptTallies_AreWhatCountingEveryCitationGives(string query)
    {
        query = query.Replace("unitId=A", $"unitId={ReporterA.UnitId}", StringComparison.Ordinal)
            .Replace("unitId=B", $"unitId={ReporterB.UnitId}", StringComparison.Ordinal);
        var kept = await Coordinator.Http.GetAsync($"/api/v1/reports/hotspots?{query}").ExpectJson(200);
        var counted = await Coordinator.Http.GetAsync($"/api/v1/reports/hotspots?{query}&from=1900-01-01").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(kept["regulations"]!.ToJsonString(), Is.EqualTo(counted["regulations"]!.ToJsonString()));
            Assert.That(kept["provisions"]!.ToJsonString(), Is.EqualTo(counted["provisions"]!.ToJsonString()));
            Assert.That(kept["regulations"]!.AsArray(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task TheMigrationsBackfill_CountsWhatTheWritesKept()
    {
        var connections = Factory.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        var kept = await Tallies(connection);
        var script = File.ReadAllText(Path.Combine(Repository.MigrationsFolder(Provider), "0019_obstacle_hotspots.sql"));
        await Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM obstacle_hotspot; DELETE FROM obstacle_hotspot_unit;");
        await Dapper.SqlMapper.ExecuteAsync(connection, script[script.IndexOf("INSERT INTO", StringComparison.Ordinal)..]);

        Assert.That(await Tallies(connection), Is.EqualTo(kept).And.Not.Empty);
    }

    private static async Task<List<string>> Tallies(System.Data.Common.DbConnection connection) =>
    [
        .. await Dapper.SqlMapper.QueryAsync<string>(connection, """
            SELECT CONCAT(regulation_id, '/', article, ':', open_obstacles, ',', units_affected, ',', resolved_obstacles) FROM obstacle_hotspot
            WHERE open_obstacles > 0 OR resolved_obstacles > 0 ORDER BY regulation_id, article
            """),
        .. await Dapper.SqlMapper.QueryAsync<string>(connection, """
            SELECT CONCAT(unit_id, '/', regulation_id, '/', article, ':', open_obstacles, ',', resolved_obstacles) FROM obstacle_hotspot_unit
            WHERE open_obstacles > 0 OR resolved_obstacles > 0 ORDER BY unit_id, regulation_id, article
            """),
    ];

    private async Task<string> Cite(KeyedClient reporter, string regulationId, string provision, bool accept = false)
    {
        var id = (await Submit(reporter, Obstacle($"Vướng mắc {Unique()}", provision, regulationId))).Str("id");
        if (accept)
        {
            await Transition(Coordinator.Http, id, "accept");
        }

        return id;
    }

    private static (string, int, int, int, int) Figures(JsonNode? hotspot) =>
        (hotspot!["regulation"]!.Str("id"), hotspot!["rank"]!.GetValue<int>(), hotspot!["openObstacles"]!.GetValue<int>(),
            hotspot!["unitsAffected"]!.GetValue<int>(), hotspot!["resolvedObstacles"]!.GetValue<int>());
}
