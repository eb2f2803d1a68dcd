using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>Overdue, stale and days late, judged in Asia/Ho_Chi_Minh from the fake clock.</summary>
public sealed class DeadlineTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    [Test]
    public async Task DueDate_IsOverdueOnlyOnceTheDayHasPassedInTheRegistersTimeZone()
    {
        var id = (await Open()).Str("id");

        SetLocalTime("2026-04-30T23:59:59");
        var lastDay = await GetAmendment(id);
        SetLocalTime("2026-05-01T00:00:00");
        var dayAfter = await GetAmendment(id);

        Assert.Multiple(() =>
        {
            Assert.That(Clock.Now.UtcDateTime.Day, Is.EqualTo(30), "still 30 April in UTC: only the register's zone says it is late");
            Assert.That(lastDay["overdue"]!.GetValue<bool>(), Is.False);
            Assert.That(lastDay["daysOverdue"]!.GetValue<int>(), Is.Zero);
            Assert.That(dayAfter["overdue"]!.GetValue<bool>(), Is.True);
            Assert.That(dayAfter["daysOverdue"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task TotalDaysLate_CountsFromTheFirstDueDateEvenAfterTheDeadlineMoved()
    {
        var id = (await Open()).Str("id");
        SetLocalTime("2026-05-10T09:00:00");
        await Send(Coordinator.Http, $"/api/v1/amendments/{id}/deadline", new JsonObject { ["dueOn"] = "2026-06-30", ["reason"] = "Lùi theo chỉ đạo." });

        var amendment = await GetAmendment(id);

        Assert.Multiple(() =>
        {
            Assert.That(amendment["overdue"]!.GetValue<bool>(), Is.False);
            Assert.That(amendment["daysOverdue"]!.GetValue<int>(), Is.Zero);
            Assert.That(amendment["totalDaysLate"]!.GetValue<int>(), Is.EqualTo(10));
        });
    }

    [Test]
    public async Task TotalDaysLate_StopsCountingAtTheIssueDate()
    {
        var id = (await Open()).Str("id");
        await AdvanceTo(id, "submitted");
        SetLocalTime("2026-05-20T09:00:00");
        await Issue(id, IssueBody(NewCircularSymbol(), issuedOn: "2026-05-05", effectiveOn: "2026-07-01"));

        SetLocalTime("2026-06-20T09:00:00");
        var amendment = await GetAmendment(id);

        Assert.Multiple(() =>
        {
            Assert.That(amendment["totalDaysLate"]!.GetValue<int>(), Is.EqualTo(5));
            Assert.That(amendment["overdue"]!.GetValue<bool>(), Is.False, "issued work is done");
        });
    }

    [Test]
    public async Task Stale_AfterMoreThanSevenDaysWithoutACheckIn()
    {
        var id = (await Open()).Str("id");
        await CheckIn(id, "drafting");

        SetLocalTime("2026-03-09T23:00:00");
        var sevenDays = await GetAmendment(id);
        SetLocalTime("2026-03-10T00:30:00");
        var eightDays = await GetAmendment(id);
        await CheckIn(id, null);
        var afterCheckIn = await GetAmendment(id);

        Assert.Multiple(() =>
        {
            Assert.That(sevenDays["stale"]!.GetValue<bool>(), Is.False);
            Assert.That(sevenDays["daysSinceProgress"]!.GetValue<int>(), Is.EqualTo(7));
            Assert.That(eightDays["stale"]!.GetValue<bool>(), Is.True);
            Assert.That(afterCheckIn["stale"]!.GetValue<bool>(), Is.False);
        });
    }

    [Test]
    public async Task ListFilters_OverdueStaleAndDueBefore_AgreeWithEachAmendment()
    {
        var late = await OpenDue("2026-03-10");
        var soon = await OpenDue("2026-03-25");
        var later = await OpenDue("2026-05-30");
        await CheckIn(later, "drafting");
        SetLocalTime("2026-03-12T10:00:00");
        await CheckIn(soon, "drafting");

        var overdue = await ListIds("overdue=true");
        var notOverdue = await ListIds("overdue=false");
        var stale = await ListIds("stale=true");
        var dueBefore = await ListIds("dueBefore=2026-03-25");

        Assert.Multiple(() =>
        {
            Assert.That(overdue, Is.EqualTo(new[] { late }));
            Assert.That(notOverdue, Is.EqualTo(new[] { soon, later }));
            Assert.That(stale, Is.EqualTo(new[] { late, later }), "opened or last reported ten days ago");
            Assert.That(dueBefore, Is.EqualTo(new[] { late }));
        });
    }

    [Test]
    public async Task List_PagesByDueDateAndFiltersByStatusAndUnit()
    {
        var ids = new[] { await OpenDue("2026-05-01"), await OpenDue("2026-04-01"), await OpenDue("2026-06-01") };
        await CheckIn(ids[2], "drafting");

        var first = await Coordinator.Http.GetAsync($"/api/v1/amendments?draftingUnitId={DraftingUnitId}&limit=2").ExpectJson(200);
        var second = await Coordinator.Http.GetAsync($"/api/v1/amendments?draftingUnitId={DraftingUnitId}&limit=2&cursor={first.Str("nextCursor")}").ExpectJson(200);
        var drafting = await ListIds("status=drafting");

        Assert.Multiple(() =>
        {
            Assert.That(Ids(first).Concat(Ids(second)), Is.EqualTo(new[] { ids[1], ids[0], ids[2] }));
            Assert.That(second["nextCursor"], Is.Null);
            Assert.That(drafting, Is.EqualTo(new[] { ids[2] }));
        });
    }

    [Test]
    public async Task List_BadFilterValues_Return400NamingTheParameter()
    {
        var status = await Coordinator.Http.GetAsync("/api/v1/amendments?status=late").ExpectProblem(400);
        var overdue = await Coordinator.Http.GetAsync("/api/v1/amendments?overdue=maybe").ExpectProblem(400);
        var dueBefore = await Coordinator.Http.GetAsync("/api/v1/amendments?dueBefore=30/04/2026").ExpectProblem(400);

        Assert.Multiple(() =>
        {
            Assert.That(status["errors"]!.AsObject().ContainsKey("status"), Is.True);
            Assert.That(overdue["errors"]!.AsObject().ContainsKey("overdue"), Is.True);
            Assert.That(dueBefore["errors"]!.AsObject().ContainsKey("dueBefore"), Is.True);
        });
    }

    [Test]
    public async Task Deadlines_ShowTheUnitsOverdueDueSoonAndStaleWork()
    {
        var overdue = await OpenDue("2026-03-01");
        var dueSoon = await OpenDue("2026-03-10");
        var dueLater = await OpenDue("2026-06-01");
        var otherUnit = OpenBody();
        otherUnit["draftingUnitId"] = OtherDrafter.UnitId.ToString();
        otherUnit["dueOn"] = "2026-03-01";
        await Open(otherUnit);
        SetLocalTime("2026-03-05T09:00:00");
        await CheckIn(dueSoon, "drafting");
        SetLocalTime("2026-03-11T09:00:00");
        await CheckIn(dueLater, "drafting");

        var deadlines = await Drafter.Http.GetAsync("/api/v1/deadlines?withinDays=14").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(deadlines.Str("unitId"), Is.EqualTo(DraftingUnitId.ToString()), "the key's unit by default");
            Assert.That(deadlines.Str("today"), Is.EqualTo("2026-03-11"));
            Assert.That(Ids(deadlines["overdue"]!), Is.EqualTo(new[] { overdue, dueSoon }));
            Assert.That(deadlines["overdue"]!["count"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(deadlines["overdue"]!["items"]![0]!["daysOverdue"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(Ids(deadlines["dueSoon"]!), Is.Empty);
            Assert.That(Ids(deadlines["stale"]!), Is.EqualTo(new[] { overdue }), "no check-in since it was opened nine days ago");
        });
    }

    [Test]
    public async Task Deadlines_DueSoonIncludesTodayAndTheLastDayOfTheWindow()
    {
        var today = await OpenDue("2026-03-02");
        var lastDay = await OpenDue("2026-03-09");
        await OpenDue("2026-03-10");

        var deadlines = await Coordinator.Http.GetAsync($"/api/v1/deadlines?unitId={DraftingUnitId}&withinDays=7").ExpectJson(200);

        Assert.That(Ids(deadlines["dueSoon"]!), Is.EqualTo(new[] { today, lastDay }));
    }

    [Test]
    public async Task Deadlines_WithinDaysOutOfRange_Returns400()
    {
        var problem = await Drafter.Http.GetAsync("/api/v1/deadlines?withinDays=1000").ExpectProblem(400);

        Assert.That(problem["errors"]!.AsObject().ContainsKey("withinDays"), Is.True);
    }

    private async Task<string> OpenDue(string dueOn)
    {
        var body = OpenBody();
        body["dueOn"] = dueOn;
        return (await Open(body)).Str("id");
    }

    private async Task<IEnumerable<string>> ListIds(string query) =>
        Ids(await Coordinator.Http.GetAsync($"/api/v1/amendments?draftingUnitId={DraftingUnitId}&{query}").ExpectJson(200));
}
