using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Site;

/// <summary>
/// The home page's twelve weeks are counted together, apart from the weekly reports: each week must still be the
/// report of that week, hours either side of a week's boundary included (Monday 00:00 in Hanoi is Sunday 17:00 UTC,
/// inside a UTC day the kept days cannot split).
/// </summary>
public sealed class ProgressTrendTests(DatabaseProvider provider) : SiteTest(provider)
{
    [Test]
    public async Task EveryTrendWeek_IsTheWeeklyReportOfThatWeek_AndWhatHappenedInIt()
    {
        // Sunday 23:30 and Monday 00:30 in Hanoi, in two weeks but on one UTC day.
        Clock.Now = At("2026-03-08T16:30:00Z");
        var first = await AcceptedObstacle(ReporterA, "Thủ tục cấp phép kéo dài");
        Clock.Now = At("2026-03-08T17:30:00Z");
        var second = await AcceptedObstacle(ReporterB, "Hồ sơ cấp phép yêu cầu giấy tờ trùng lặp");
        var late = OpenBody(second);
        late["dueOn"] = "2026-03-20";
        var lateAmendment = (await Open(late)).Str("id");
        await AdvanceTo(lateAmendment, "submitted");

        // Mid-week: a third report, and the first obstacle's amendment issued and in force at once, which resolves it.
        Clock.Now = At("2026-03-18T03:00:00Z");
        await Submit(ReporterA, Obstacle("Chưa xử lý", regulationId: CircularId));
        var remedy = (await Open(OpenBody(first))).Str("id");
        await AdvanceTo(remedy, "submitted");
        await Issue(remedy, IssueBody(NewCircularSymbol(), "2026-03-18", "2026-03-18"));

        // The late one: issued in the last minute of a week (overdue as of the two week ends before), in force later.
        Clock.Now = At("2026-04-05T16:59:00Z");
        await Issue(lateAmendment, IssueBody(NewCircularSymbol(), "2026-04-05", "2026-04-20"));
        Clock.Now = At("2026-04-19T17:10:00Z");
        Assert.That(await RunInForceSweep(), Is.EqualTo(1), "the late amendment takes effect on Monday 2026-04-20, ten minutes in");

        Clock.Now = At("2026-05-20T03:00:00Z");
        using var anonymous = Anonymous();
        var trend = (await Csv(anonymous, "progress", "trend")).Skip(1).ToList();
        var reports = new List<string[]>();
        foreach (var week in trend)
        {
            var report = await anonymous.GetAsync($"/api/v1/public/progress?period=week&on={week[0]}").ExpectJson(200);
            reports.Add(
            [
                report.Str("from"), report.Str("to"), report["obstacles"]!["received"]!.ToString(), report["obstacles"]!["resolved"]!.ToString(),
                report["amendments"]!["inForce"]!.ToString(), report["amendments"]!["overdue"]!.ToString(),
            ]);
        }

        Assert.Multiple(() =>
        {
            Assert.That(trend.Select(w => w[0]), Is.EqualTo(Enumerable.Range(0, 12).Select(k => new DateOnly(2026, 3, 2).AddDays(7 * k).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
            Assert.That(trend, Is.EqualTo(reports), "each week is its weekly report");
            Assert.That(trend.Select(w => string.Join(' ', w[2..])), Is.EqualTo(new[]
            {
                "1 0 0 0", // received late on Sunday
                "1 0 0 0", // received early on Monday
                "1 1 1 1", // the third; the first resolved and its amendment in force; the late one overdue as of Sunday
                "0 0 0 1",
                "0 0 0 0", // issued on the week's last day: not overdue as of it
                "0 0 0 0",
                "0 0 0 0",
                "0 1 1 0", // in force ten minutes into Monday, which resolves the second
                "0 0 0 0",
                "0 0 0 0",
                "0 0 0 0",
                "0 0 0 0",
            }), "counted by hand");
        });
    }

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
}
