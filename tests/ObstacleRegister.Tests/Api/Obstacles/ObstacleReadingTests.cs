using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Obstacles;

public sealed class ObstacleReadingTests(DatabaseProvider provider) : ObstacleTest(provider)
{
    [TestCase("chong cheo")]
    [TestCase("chồng chéo")]
    [TestCase("CHONG CH")]
    [TestCase("dau thau chong")]
    public async Task Search_FindsVietnameseWithoutDiacritics(string q)
    {
        var match = await Submit(ReporterA, Obstacle("Quy định chồng chéo về đấu thầu"));
        await Submit(ReporterB, Obstacle("Thiếu hướng dẫn về chữ ký số"));

        var page = await Search(ReporterB.Http, $"/api/v1/obstacles?q={Uri.EscapeDataString(q)}");

        Assert.That(Ids(page), Is.EqualTo(new[] { match.Str("id") }));
    }

    [Test]
    public async Task Search_MatchesTheDescriptionToo()
    {
        var body = Obstacle("Vướng mắc về thời hạn");
        body["description"] = "Quy trình thẩm định hồ sơ kéo dài quá mức cần thiết.";
        var match = await Submit(ReporterA, body);
        await Submit(ReporterB);

        var page = await Search(ReporterA.Http, "/api/v1/obstacles?q=tham%20dinh%20ho%20so");

        Assert.That(Ids(page), Is.EqualTo(new[] { match.Str("id") }));
    }

    [Test]
    public async Task List_IsNewestFirstAndPagesWithoutRepeats()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            Clock.Now = Clock.Now.AddMinutes(1);
            ids.Add((await Submit(ReporterA)).Str("id"));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await ReporterA.Http.GetAsync($"/api/v1/obstacles?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}").ExpectJson(200);
            seen.AddRange(Ids(page));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.That(seen, Is.EqualTo(ids.AsEnumerable().Reverse()));
    }

    [Test]
    public async Task List_FiltersByStatusUnitCategorySeverityAndReference()
    {
        var accepted = await Submit(ReporterA);
        await Transition(Coordinator.Http, accepted.Str("id"), "accept");
        var gapBody = Obstacle();
        gapBody["category"] = "gap";
        gapBody["severity"] = "critical";
        var gap = await Submit(ReporterB, gapBody);

        var byStatus = await Coordinator.Http.GetAsync("/api/v1/obstacles?status=accepted").ExpectJson(200);
        var byUnit = await Coordinator.Http.GetAsync($"/api/v1/obstacles?unitId={ReporterB.UnitId}").ExpectJson(200);
        var byCategory = await Coordinator.Http.GetAsync("/api/v1/obstacles?category=gap&severity=critical").ExpectJson(200);
        var byReference = await Coordinator.Http.GetAsync($"/api/v1/obstacles?reference={accepted.Str("reference").ToLowerInvariant()}").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(Ids(byStatus), Is.EqualTo(new[] { accepted.Str("id") }));
            Assert.That(Ids(byUnit), Is.EqualTo(new[] { gap.Str("id") }));
            Assert.That(Ids(byCategory), Is.EqualTo(new[] { gap.Str("id") }));
            Assert.That(Ids(byReference), Is.EqualTo(new[] { accepted.Str("id") }));
        });
    }

    [Test]
    public async Task List_FiltersByRegulation()
    {
        var other = await Coordinator.Http.PostJson("/api/v1/regulations", new JsonObject
        {
            ["symbol"] = $"{Unique()}/2024/TT-BTTTT", ["type"] = "circular", ["title"] = "Thông tư", ["issuer"] = "Bộ TTTT", ["issuedOn"] = "2024-01-05",
        }).ExpectJson(201);
        await Submit(ReporterA);
        var citing = await Submit(ReporterB, Obstacle(regulationId: other.Str("id")));

        var page = await Coordinator.Http.GetAsync($"/api/v1/obstacles?regulationId={other.Str("id")}").ExpectJson(200);

        Assert.That(Ids(page), Is.EqualTo(new[] { citing.Str("id") }));
    }

    [Test]
    public async Task List_FiltersByReportingDaysInTheRegisterTimeZone()
    {
        Clock.Now = new DateTimeOffset(2026, 3, 9, 17, 30, 0, TimeSpan.Zero); // 00:30 on 10 March in Hanoi
        var tenthInHanoi = await Submit(ReporterA);
        Clock.Now = new DateTimeOffset(2026, 3, 9, 16, 30, 0, TimeSpan.Zero); // 23:30 on 9 March in Hanoi
        var ninthInHanoi = await Submit(ReporterA);

        var tenth = await Coordinator.Http.GetAsync("/api/v1/obstacles?reportedFrom=2026-03-10&reportedTo=2026-03-10").ExpectJson(200);
        var ninth = await Coordinator.Http.GetAsync("/api/v1/obstacles?reportedTo=2026-03-09").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(Ids(tenth), Is.EqualTo(new[] { tenthInHanoi.Str("id") }));
            Assert.That(Ids(ninth), Is.EqualTo(new[] { ninthInHanoi.Str("id") }));
        });
    }

    [TestCase("status=open", "status")]
    [TestCase("category=x", "category")]
    [TestCase("severity=x", "severity")]
    [TestCase("reportedFrom=yesterday", "reportedFrom")]
    [TestCase("limit=500", "limit")]
    [TestCase("cursor=zzz", "cursor")]
    [TestCase("q=ab+bc+cd+de+ef+fg+gh+hi+ij", "q")]
    public async Task List_BadParameter_Returns400NamingIt(string query, string field)
    {
        await Coordinator.Http.GetAsync($"/api/v1/obstacles?{query}").ExpectProblem(400, field);
    }

    [Test]
    public async Task Get_UnknownObstacle_Returns404()
    {
        await Coordinator.Http.GetAsync($"/api/v1/obstacles/{Guid.NewGuid()}").ExpectProblem(404);
    }
}
