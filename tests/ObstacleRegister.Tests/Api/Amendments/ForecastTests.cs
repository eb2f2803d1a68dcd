using System.Text.Json.Nodes;
using ObstacleRegister.Amendments.Forecasts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>
/// The forecast over the real pipeline and database: a register whose past amendments each took 5, 10, 20, 15 and 30
/// days through planned, drafting, consultation, appraisal and submitted forecasts new work 80 days out; work due
/// sooner is at risk (once per deadline, with its notice, feed entry and email), work due later is not, and a moved
/// deadline is forecast again in the next round.
/// </summary>
public sealed class ForecastTests(DatabaseProvider provider) : Desk.DeskTest(provider)
{
    private static readonly DateOnly Start = new(2026, 3, 2);

    private static readonly (string Stage, int Days)[] Pace = [("drafting", 5), ("consultation", 10), ("appraisal", 20), ("submitted", 15)];

    [Test]
    public async Task NewWork_IsForecastFromThePastPace_AndWorkDueSoonerIsAtRisk_OncePerDeadline()
    {
        await PastAmendments(StagePace.MinObservations);
        var today = Start.AddDays(80);
        var atRisk = (await Open(WithDueOn(OpenBody(), today.AddDays(60)))).Str("id");
        var onTime = (await Open(WithDueOn(OpenBody(), today.AddDays(100)))).Str("id");

        var firstRound = await NoticeRound();
        var secondRound = await NoticeRound();
        var forecast = (await GetAmendment(atRisk))["forecast"]!;
        var later = (await GetAmendment(onTime))["forecast"]!;
        var listed = await Coordinator.Http.GetAsync($"/api/v1/amendments?atRisk=true&draftingUnitId={DraftingUnitId}").ExpectJson(200);
        var deadlines = await Drafter.Http.GetAsync("/api/v1/deadlines").ExpectJson(200);
        var history = Actions(await Coordinator.Http.GetAsync($"/api/v1/amendments/{atRisk}/history?limit=200").ExpectJson(200));
        var notices = (await GetAmendment(atRisk))["notices"]!.AsArray();
        using var drafter = await SignedIn(DraftingUnitId, "Trần Soạn Thảo", "drafter");
        var (_, page) = await drafter.Open($"/desk/amendments/{atRisk}");
        var (_, atRiskList) = await drafter.Open($"/desk/amendments?draftingUnitId={DraftingUnitId}&atRisk=true");
        using var anonymous = Anonymous();
        var published = (await anonymous.GetAsync($"/api/v1/public/amendments?draftingUnitId={DraftingUnitId}&limit=200").ExpectJson(200))["items"]!.AsArray()
            .ToDictionary(a => a!.Str("id"), a => a!["atRisk"]!.GetValue<bool>());
        var report = await Coordinator.Http.GetAsync($"/api/v1/reports/progress?period=week&unitId={DraftingUnitId}").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(forecast.Str("p50IssuedOn"), Is.EqualTo(Day(today.AddDays(80))), "5 + 10 + 20 + 15 + 30 days from today");
            Assert.That(report["amendments"]!["atRisk"]!.GetValue<int>(), Is.EqualTo(1), "the drafting unit's report counts it");
            Assert.That(forecast.Str("p85IssuedOn"), Is.EqualTo(Day(today.AddDays(80))));
            Assert.That(forecast["onTimeProbability"]!.GetValue<double>(), Is.EqualTo(0));
            Assert.That(forecast["basis"]!.GetValue<int>(), Is.EqualTo(5 * StagePace.MinObservations));
            Assert.That(forecast["atRisk"]!.GetValue<bool>(), Is.True);
            Assert.That(later["atRisk"]!.GetValue<bool>(), Is.False);
            Assert.That(later["onTimeProbability"]!.GetValue<double>(), Is.EqualTo(1));
            Assert.That(listed["items"]!.AsArray().Select(a => a!.Str("id")), Is.EqualTo(new[] { atRisk }));
            Assert.That(deadlines["atRisk"]!["count"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That((firstRound, secondRound), Is.EqualTo((1, 0)), "one at-risk notice, decided once");
            Assert.That(history.Count(a => a == "at_risk"), Is.EqualTo(1));
            Assert.That(notices.Select(n => (n!.Str("tier"), n!.Str("event"))), Is.EqualTo(new[] { ("at_risk", "amendment.at_risk") }));
            Assert.That((published[atRisk], published[onTime]), Is.EqualTo((true, false)), "the public responsibility view says so too");
            Assert.That(page, Does.Contain("Có nguy cơ trễ hạn").And.Contain("khả năng đúng hạn 0 %"), "the drafter's page says so in words");
            Assert.That(atRiskList, Does.Contain($"/desk/amendments/{atRisk}\"").And.Not.Contain($"/desk/amendments/{onTime}\""));
            Assert.That(notices[0]!["audience"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "drafting_unit", "responsible_official" }));
        });
    }

    [Test]
    public async Task AMovedDeadline_IsForecastAgain_AndAtRiskAgainOnlyForTheNewDate()
    {
        await PastAmendments(StagePace.MinObservations);
        var today = Start.AddDays(80);
        var id = (await Open(WithDueOn(OpenBody(), today.AddDays(60)))).Str("id");
        var decided = new List<int> { await NoticeRound() };

        await MoveDeadline(id, today.AddDays(200));
        decided.Add(await NoticeRound());
        var relieved = (await GetAmendment(id))["forecast"]!;
        await MoveDeadline(id, today.AddDays(70));
        using (var restarted = new RegisterFactory(Factory.Database, Clock))
        {
            decided.Add(await NoticeRound(restarted));
        }

        decided.Add(await NoticeRound());
        var notices = (await GetAmendment(id))["notices"]!.AsArray().Where(n => n!.Str("tier") == "at_risk").Select(n => n!.Str("basis"));

        Assert.Multiple(() =>
        {
            Assert.That(relieved["atRisk"]!.GetValue<bool>(), Is.False, "80 days of work fit in 200");
            Assert.That(decided, Is.EqualTo(new[] { 1, 0, 1, 0 }), "the new date is at risk once, whichever host decides it");
            Assert.That(notices, Is.EqualTo(new[] { Day(today.AddDays(60)), Day(today.AddDays(70)) }));
        });
    }

    [Test]
    public async Task AThinHistory_GivesNoDates_OnlyWhatItRestsOn()
    {
        await PastAmendments(StagePace.MinObservations - 1);
        var id = (await Open(WithDueOn(OpenBody(), Start.AddDays(90)))).Str("id");

        await NoticeRound();
        var forecast = (await GetAmendment(id))["forecast"]!;

        Assert.Multiple(() =>
        {
            Assert.That(forecast["p50IssuedOn"], Is.Null);
            Assert.That(forecast["onTimeProbability"], Is.Null);
            Assert.That(forecast["basis"]!.GetValue<int>(), Is.EqualTo(5 * (StagePace.MinObservations - 1)));
            Assert.That(forecast["atRisk"]!.GetValue<bool>(), Is.False);
        });
    }

    [Test]
    public async Task TheBacktest_ReplaysThePastWeekByWeek_AndFindsTheLateWorkFlaggedAhead()
    {
        await PastAmendments(StagePace.MinObservations);
        var opened = Start.AddDays(80);
        var late = (await Open(WithDueOn(OpenBody(), opened.AddDays(60)))).Str("id");
        var onTime = (await Open(WithDueOn(OpenBody(), opened.AddDays(100)))).Str("id");
        await Walk([late, onTime], opened);
        SetLocalTime($"{Day(Start.AddDays(200))}T08:00:00");

        var accuracy = await Coordinator.Http.GetAsync("/api/v1/reports/forecast-accuracy?weeks=26").ExpectJson(200);
        await Drafter.Http.GetAsync("/api/v1/reports/forecast-accuracy").ExpectProblem(403);
        var refused = await Coordinator.Http.GetAsync("/api/v1/reports/forecast-accuracy?weeks=0").ExpectProblem(400);

        Assert.Multiple(() =>
        {
            Assert.That(accuracy["dueDatesJudged"]!.GetValue<int>(), Is.EqualTo(2), "the two due dates passed by today; the past work's are still ahead");
            Assert.That(accuracy["flagged"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(accuracy["flaggedAndLate"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(accuracy["precision"]!.GetValue<double>(), Is.EqualTo(1));
            Assert.That(accuracy["late"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(accuracy["recall"]!.GetValue<double>(), Is.EqualTo(1));
            Assert.That(accuracy["medianLeadDays"]!.GetValue<int>(), Is.EqualTo(59), "first flagged on the first week's day after it opened: day 81, due on day 140");
            Assert.That(accuracy.Str("from"), Is.EqualTo(Day(Start.AddDays(200 - 7 * 26))));
            Assert.That(refused["errors"]!["weeks"], Is.Not.Null);
        });
    }

    /// <summary>Amendments opened together at the start, each stage reached on the same day, then issued: a pace of 5, 10, 20, 15 and 30 days.</summary>
    private async Task PastAmendments(int count)
    {
        SetLocalTime($"{Day(Start)}T08:00:00");
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await Open(WithDueOn(OpenBody(), Start.AddDays(365)))).Str("id"));
        }

        await Walk(ids, Start);
    }

    /// <summary>Brings amendments opened on <paramref name="opened"/> through every stage at the pace, and issues them 80 days after.</summary>
    private async Task Walk(IReadOnlyList<string> ids, DateOnly opened)
    {
        var on = opened;
        foreach (var (stage, days) in Pace)
        {
            on = on.AddDays(days);
            SetLocalTime($"{Day(on)}T08:00:00");
            foreach (var id in ids)
            {
                await CheckIn(id, stage);
            }
        }

        on = on.AddDays(30);
        SetLocalTime($"{Day(on)}T08:00:00");
        foreach (var id in ids)
        {
            await Issue(id, IssueBody(NewCircularSymbol(), Day(on), Day(on)));
        }
    }

    private async Task MoveDeadline(string id, DateOnly dueOn) =>
        await Send(Coordinator.Http, $"/api/v1/amendments/{id}/deadline", new JsonObject { ["dueOn"] = Day(dueOn), ["reason"] = "Điều chỉnh kế hoạch." });

    private static JsonObject WithDueOn(JsonObject body, DateOnly dueOn)
    {
        body["dueOn"] = Day(dueOn);
        return body;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
