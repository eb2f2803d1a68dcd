using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Amendments;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Reports;

/// <summary>
/// The report figures against a dataset whose counts are known by hand. In the week of Monday 2 March 2026:
/// unit A reports o1, o2, o3 and unit B o4, o5; o1 and o2 are accepted, o3 rejected, o4 withdrawn, o5 marked a
/// duplicate of o2. The drafting unit D opens am1 (o1, due 4 March, never reported on) and am2 (o2, shortened,
/// issued and in force on 5 March, resolving o2 and with it o5); unit E opens am3 and cancels it on 6 March.
/// On 9 March unit A reports o6 (next week). The reports are read on Tuesday 10 March.
/// </summary>
public sealed class ProgressReportTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    private KeyedClient drafterE = null!;

    [SetUp]
    public async Task BuildTheKnownWeek()
    {
        drafterE = OtherDrafter;
        var o1 = await AcceptedObstacle(ReporterA, "Thời hạn cấp phép chồng chéo");
        var o2 = await AcceptedObstacle(ReporterA, "Hồ sơ cấp phép trùng lặp");
        var o3 = (await Submit(ReporterA, Obstacle("Không phải vướng mắc", regulationId: CircularId))).Str("id");
        await Transition(Coordinator.Http, o3, "reject", Reason("Đã có hướng dẫn tại Điều 7."));
        var o4 = (await Submit(ReporterB, Obstacle("Phản ánh nhầm", regulationId: DecreeId))).Str("id");
        await Transition(ReporterB.Http, o4, "withdraw");
        var o5 = (await Submit(ReporterB, Obstacle("Hồ sơ cấp phép bị yêu cầu hai lần", regulationId: CircularId))).Str("id");
        await Transition(Coordinator.Http, o5, "duplicate", new JsonObject { ["duplicateOfId"] = o2 });

        var am1 = OpenBody(o1);
        am1["dueOn"] = "2026-03-04";
        await Open(am1);
        var am2 = OpenBody(o2);
        am2["shortenedProcedure"] = true;
        am2["dueOn"] = "2026-03-31";
        var am2Id = (await Open(am2)).Str("id");
        await CheckIn(am2Id, "drafting");
        await CheckIn(am2Id, "submitted");
        var am3 = OpenBody();
        am3["draftingUnitId"] = drafterE.UnitId.ToString();
        am3["dueOn"] = "2026-03-20";
        var am3Id = (await Open(am3)).Str("id");

        SetLocalTime("2026-03-05T10:00:00");
        await Issue(am2Id, IssueBody(NewCircularSymbol(), issuedOn: "2026-03-05", effectiveOn: "2026-03-05"));
        SetLocalTime("2026-03-06T10:00:00");
        await Send(Coordinator.Http, $"/api/v1/amendments/{am3Id}/cancel", new JsonObject { ["reason"] = "Gộp vào sửa đổi khác." });
        SetLocalTime("2026-03-09T10:00:00");
        await Submit(ReporterA, Obstacle("Vướng mắc tuần sau", regulationId: CircularId));
        SetLocalTime("2026-03-10T10:00:00");
    }

    [Test]
    public async Task WeeklyReport_ForTheRegister_MatchesTheCountsByHand()
    {
        var report = await Coordinator.Http.GetAsync("/api/v1/reports/progress?period=week&on=2026-03-04").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That((report.Str("from"), report.Str("to"), report.Str("asOf")), Is.EqualTo(("2026-03-02", "2026-03-08", "2026-03-08")));
            Assert.That(Figures(report["obstacles"]!), Is.EqualTo(new[] { 5, 2, 1, 1, 1, 2, 0 }), "received, accepted, rejected, duplicates, withdrawn, resolved, waiting for information");
            Assert.That(Figures(report["amendments"]!), Is.EqualTo(new[] { 3, 1, 1, 1, 1, 1, 4, 0 }), "opened, issued, in force, cancelled, overdue, stale, days late, at risk");
            Assert.That(report["amendments"]!["onTimeRate"]!.GetValue<double>(), Is.EqualTo(1.0));
            Assert.That(report["medianDaysToResolution"]!.GetValue<double>(), Is.EqualTo(3.0));
            Assert.That(report["mostCitedRegulations"]!.AsArray().Select(r => (r!.Str("regulationId"), r!["obstacles"]!.GetValue<int>())),
                Is.EqualTo(new[] { (CircularId, 4) }), "o4 cites the decree but was withdrawn");
        });
    }

    [Test]
    public async Task WeeklyReport_PerUnit_SplitsObstaclesByReportingUnitAndAmendmentsByDraftingUnit()
    {
        var report = await Coordinator.Http.GetAsync("/api/v1/reports/progress?period=week&on=2026-03-08").ExpectJson(200);

        var units = report["units"]!.AsArray().ToDictionary(u => u!.Str("unitId"), u => u!);
        Assert.Multiple(() =>
        {
            Assert.That(units.Keys, Is.EquivalentTo(new[] { ReporterA.UnitId, ReporterB.UnitId, DraftingUnitId, drafterE.UnitId }.Select(u => u.ToString())));
            Assert.That(Figures(units[ReporterA.UnitId.ToString()]!["obstacles"]!), Is.EqualTo(new[] { 3, 2, 1, 0, 0, 1, 0 }));
            Assert.That(Figures(units[ReporterB.UnitId.ToString()]!["obstacles"]!), Is.EqualTo(new[] { 2, 0, 0, 1, 1, 1, 0 }));
            Assert.That(Figures(units[DraftingUnitId.ToString()]!["amendments"]!), Is.EqualTo(new[] { 2, 1, 1, 0, 1, 1, 4, 0 }));
            Assert.That(Figures(units[drafterE.UnitId.ToString()]!["amendments"]!), Is.EqualTo(new[] { 1, 0, 0, 1, 0, 0, 0, 0 }));
            Assert.That(units[DraftingUnitId.ToString()]!["code"], Is.Not.Null);
        });
    }

    [Test]
    public async Task MonthlyReport_CoversTheWholeMonthSoFar()
    {
        var report = await Coordinator.Http.GetAsync("/api/v1/reports/progress?period=month&on=2026-03-15").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That((report.Str("from"), report.Str("to"), report.Str("asOf")), Is.EqualTo(("2026-03-01", "2026-03-31", "2026-03-10")));
            Assert.That(report["obstacles"]!["received"]!.GetValue<int>(), Is.EqualTo(6));
            Assert.That(report["amendments"]!["totalDaysLate"]!.GetValue<int>(), Is.EqualTo(6), "am1, due 4 March, is six days late on 10 March");
        });
    }

    [Test]
    public async Task Report_ForAUnit_IsItsOwnByDefaultAndForbiddenForAnotherUnit()
    {
        var own = await ReporterA.Http.GetAsync("/api/v1/reports/progress?period=week&on=2026-03-04").ExpectJson(200);
        await ReporterA.Http.GetAsync($"/api/v1/reports/progress?period=week&unitId={ReporterB.UnitId}").ExpectProblem(403);
        var drafters = await Drafter.Http.GetAsync($"/api/v1/reports/progress?period=week&on=2026-03-04&unitId={DraftingUnitId}").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(own.Str("unitId"), Is.EqualTo(ReporterA.UnitId.ToString()));
            Assert.That(Figures(own["obstacles"]!), Is.EqualTo(new[] { 3, 2, 1, 0, 0, 1, 0 }));
            Assert.That(drafters["amendments"]!["opened"]!.GetValue<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Report_WithoutPeriodOrWithAnUnknownOne_Returns400NamingPeriod()
    {
        var missing = await Coordinator.Http.GetAsync("/api/v1/reports/progress").ExpectProblem(400);
        var unknown = await Coordinator.Http.GetAsync("/api/v1/reports/progress?period=quarter").ExpectProblem(400);

        Assert.Multiple(() =>
        {
            Assert.That(missing["errors"]!.AsObject().ContainsKey("period"), Is.True);
            Assert.That(unknown["errors"]!.AsObject().ContainsKey("period"), Is.True);
        });
    }

    [Test]
    public async Task Report_AsCsv_HasABomTheColumnsAndTheSameFigures()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/progress?period=week&on=2026-03-04");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await Coordinator.Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n");
        var header = lines[0].Split(',');
        var register = lines[1].Split(',');
        string Cell(string column) => register[Array.IndexOf(header, column)];
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
            Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 byte order mark");
            Assert.That(header, Is.EqualTo(new[]
            {
                "scope", "unit_id", "unit_code", "unit_name", "period", "from", "to", "as_of",
                "obstacles_received", "obstacles_accepted", "obstacles_rejected", "obstacles_duplicates", "obstacles_withdrawn", "obstacles_resolved",
                "obstacles_waiting_for_information", "obstacles_longest_wait_days", "amendments_opened", "amendments_issued", "amendments_in_force", "amendments_cancelled", "amendments_overdue", "amendments_stale",
                "total_days_late", "on_time_rate", "median_days_to_resolution",
                "amendments_due_done_on_time", "amendments_due_done_late", "amendments_due_open_within_deadline", "amendments_due_overdue",
                "answers_due_done_on_time", "answers_due_done_late", "answers_due_open_within_deadline", "answers_due_overdue",
                "amendments_at_risk",
            }));
            Assert.That((Cell("scope"), Cell("from"), Cell("obstacles_received"), Cell("amendments_overdue"), Cell("total_days_late")),
                Is.EqualTo(("register", "2026-03-02", "5", "1", "4")));
            Assert.That(lines.Skip(2).TakeWhile(l => l.Length > 0).Count(), Is.EqualTo(4), "one row per unit with activity");
            Assert.That(lines, Has.Some.StartsWith("regulation_id,regulation_symbol"));
            Assert.That(lines, Has.Some.StartsWith("scope,answering_unit_id,answering_unit_code,answering_unit_name,answers,median_days_to_answer"));
        });
    }

    [Test]
    public async Task GuidanceBacklog_ListsNewGuidanceNotInForceWithDaysOverdue()
    {
        var body = OpenBody();
        body["kind"] = "new_guidance";
        body["dueOn"] = "2026-03-01";
        var id = (await Open(body)).Str("id");

        var page = await ReporterA.Http.GetAsync("/api/v1/reports/guidance-backlog").ExpectJson(200);

        var item = page["items"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(item.Str("amendmentId"), Is.EqualTo(id));
            Assert.That(item["guides"]!.Str("id"), Is.EqualTo(CircularId));
            Assert.That(item["draftingUnit"]!.Str("id"), Is.EqualTo(DraftingUnitId.ToString()));
            Assert.That(item["daysOverdue"]!.GetValue<int>(), Is.EqualTo(9));
        });
    }

    private static int[] Figures(JsonNode figures) =>
        [.. figures.AsObject().Where(p => p.Value is JsonValue v && v.TryGetValue<int>(out _) && p.Key != "onTimeRate").Select(p => p.Value!.GetValue<int>())];
}
