using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Obstacles;
using ObstacleRegister.Obstacles.Clocks;
using ObstacleRegister.Tests.Api.Amendments;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Obstacles;

/// <summary>
/// Every party's clock on a report, walked with the fake clock: the coordinators' answer (due 15 days after
/// submission, reminded 3 days before, escalated the day after), the reporting unit's answer to a question (reminded
/// after 7 days, lapsed after 30). Each notice once per wait, across a restarted host; a new wait starts a new ladder.
/// A report submitted on 2026-03-02 is to be answered by 2026-03-17.
/// </summary>
public sealed class ObstacleClockNoticeTests(DatabaseProvider provider) : EmailTest(provider)
{
    [Test]
    public async Task TheCoordinatorsAnswer_IsRemindedBeforeItIsDue_AndEscalatedAfter_EachOnce_WhicheverHostDecides()
    {
        var (reporter, id, reference) = await Reported();
        var decided = new List<int>();
        foreach (var day in new[] { "2026-03-13", "2026-03-14", "2026-03-14" })
        {
            SetLocalTime($"{day}T08:00:00");
            decided.Add(await ClockRound());
        }

        SetLocalTime("2026-03-18T08:00:00");
        using (var restarted = new RegisterFactory(Factory.Database, Clock, HostSettings))
        {
            decided.Add(await ClockRound(restarted));
        }

        decided.Add(await ClockRound());
        await EmailRound();
        var history = await Actions(id);
        var mail = Smtp.Received;

        Assert.Multiple(() =>
        {
            Assert.That(decided, Is.EqualTo(new[] { 0, 1, 0, 1, 0 }), "reminded on 03-14 (3 days before), escalated on 03-18, once each");
            Assert.That(history, Is.EqualTo(new[] { "submitted", "answer_due", "answer_overdue" }));
            Assert.That(mail.Select(m => $"{m.Subject} → {Recipients(m)}"), Is.EquivalentTo(new[]
            {
                $"[Sắp đến hạn trả lời] {reference}: cần trả lời trước ngày 17/03/2026 → {CoordinatorsAddress}",
                $"[Quá hạn trả lời] {reference}: hạn trả lời ngày 17/03/2026 đã qua → {CoordinatorsAddress},{LeadershipAddress}",
            }));
            Assert.That(mail.Single(m => m.Subject!.StartsWith("[Quá", StringComparison.Ordinal)).TextBody,
                Does.Contain("nay đã quá hạn 1 ngày").And.Contain("The answer was due by").And.Contain($"https://register.test/api/v1/obstacles/{id}"));
        });
        reporter.Http.Dispose();
    }

    [Test]
    public async Task AQuestion_IsRemindedToTheUnit_ThenLapses_AndItsAnswerStartsTheCoordinatorsLadderAgain()
    {
        var (reporter, id, reference) = await Reported();
        SetLocalTime("2026-03-10T08:00:00");
        await Send(Coordinator.Http, $"/api/v1/obstacles/{id}/request-information", new JsonObject { ["question"] = "Đề nghị gửi số liệu?" });
        var decided = new List<int>();
        foreach (var day in new[] { "2026-03-16", "2026-03-17", "2026-03-17", "2026-04-08", "2026-04-09" })
        {
            SetLocalTime($"{day}T08:00:00");
            decided.Add(await ClockRound());
        }

        await reporter.Http.PostJson($"/api/v1/obstacles/{id}/comments", new JsonObject { ["text"] = "Khoảng 120 hồ sơ mỗi tháng." }).ExpectJson(201);
        var answerDueOn = (await reporter.Http.GetAsync($"/api/v1/obstacles/{id}").ExpectJson(200)).Str("answerDueOn");
        SetLocalTime("2026-04-22T08:00:00");
        decided.Add(await ClockRound());
        await EmailRound();
        var feed = (await Coordinator.Http.GetAsync("/api/v1/changes?limit=200").ExpectJson(200))["items"]!.AsArray()
            .Where(c => c!.Str("resourceId") == id).Select(c => c!.Str("type"));
        var reminder = Smtp.Received.Single(m => Recipients(m) == UnitAddress && m.Subject!.StartsWith("[Nhắc việc]", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(decided, Is.EqualTo(new[] { 0, 1, 0, 0, 1, 1 }), "reminded after 7 days, lapsed after 30, then a new answer due 3 days before 04-24");
            Assert.That(answerDueOn, Is.EqualTo("2026-04-24"), "15 days from the unit's answer on 2026-04-09");
            Assert.That(feed, Is.SupersetOf(new[] { "obstacle.information_reminded", "obstacle.information_lapsed", "obstacle.answer_due" }));
            Assert.That(reminder.Subject, Is.EqualTo($"[Nhắc việc] {reference}: thông tin đề nghị bổ sung từ ngày 10/03/2026 vẫn chưa có"));
            Assert.That(reminder.TextBody, Does.Contain($"https://register.test/api/v1/obstacles/{id}/comments").And.Contain("no answer for 7 days"));
            Assert.That(Smtp.Received.Select(m => m.Subject!.Split(']')[0] + "] " + Recipients(m)), Is.EquivalentTo(new[]
            {
                $"[Đề nghị bổ sung] {UnitAddress}", $"[Nhắc việc] {UnitAddress}", $"[Hết hạn bổ sung] {CoordinatorsAddress}",
                $"[Sắp đến hạn trả lời] {CoordinatorsAddress}",
            }));
        });
        reporter.Http.Dispose();
    }

    [Test]
    public async Task AnsweredReports_AreNeverReminded()
    {
        var (reporter, id, _) = await Reported();
        await Transition(Coordinator.Http, id, "accept");
        SetLocalTime("2026-05-01T08:00:00");

        Assert.That(await ClockRound(), Is.Zero);
        reporter.Http.Dispose();
    }

    /// <summary>A report by a unit with a contact address, submitted on 2026-03-02 at 09:00 in Hanoi.</summary>
    private async Task<(KeyedClient Reporter, string Id, string Reference)> Reported()
    {
        var unit = await Admin.PostJson("/api/v1/units", new JsonObject
        {
            ["code"] = $"VPC{Unique()}", ["name"] = "Vụ Pháp chế", ["kind"] = "agency", ["contactEmail"] = UnitAddress,
        }).ExpectJson(201);
        var reporter = await CreateKey(Guid.Parse(unit.Str("id")), "reporter");
        var obstacle = await Submit(reporter, Obstacle(regulationId: CircularId));
        return (reporter, obstacle.Str("id"), obstacle.Str("reference"));
    }

    private async Task<IEnumerable<string>> Actions(string id) =>
        Actions(await Coordinator.Http.GetAsync($"/api/v1/obstacles/{id}/history").ExpectJson(200));

    private Task<int> ClockRound(RegisterFactory? host = null)
    {
        var services = (host ?? Factory).Services;
        return ObstacleClockSweep.RunRound(
            services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<IOptions<ObstacleClockOptions>>().Value, CancellationToken.None);
    }
}
