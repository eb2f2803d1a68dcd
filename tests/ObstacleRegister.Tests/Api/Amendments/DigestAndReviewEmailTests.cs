using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>The weekly digest and the reminders about review flags, read from the real SMTP server.</summary>
public sealed class DigestAndReviewEmailTests(DatabaseProvider provider) : EmailTest(provider)
{
    [Test]
    public async Task TheWeeklyDigest_ListsAUnitsDueSoonOverdueAndStaleWork_OnceAWeekFromMondayMorning()
    {
        var overdue = (await Open(await BodyWithAddresses("2026-03-20", "Sửa đổi Thông tư về cấp phép"))).Str("id");
        var dueSoon = (await Open(await BodyWithAddresses("2026-03-25", "Bổ sung quy định về hồ sơ", sameUnit: true))).Str("id");
        await Open(await BodyWithAddresses("2026-12-31", "Thay thế Thông tư về báo cáo", sameUnit: true));
        var onTrack = (await Open(await BodyWithAddresses("2026-12-31", "Bãi bỏ Điều 7", sameUnit: true))).Str("id");
        var elsewhere = OpenBody(await AcceptedObstacle(ReporterA));
        elsewhere["dueOn"] = "2026-12-31";
        await Open(elsewhere);
        SetLocalTime("2026-03-23T07:30:00");
        foreach (var id in new[] { overdue, dueSoon, onTrack })
        {
            await CheckIn(id, null, drafter: UnitDrafter);
        }

        var decided = new List<int> { await DigestRound(), await DigestRound() };
        SetLocalTime("2026-03-30T06:59:00");
        decided.Add(await DigestRound());
        await EmailRound();
        var digest = Smtp.Received.Single();
        var text = digest.TextBody!;

        Assert.Multiple(() =>
        {
            Assert.That(decided, Is.EqualTo(new[] { 2, 0, 0 }), "one per unit with something to report, this week; the next week starts Monday 07:00");
            Assert.That(digest.Subject, Is.EqualTo("[Tổng hợp tuần] Vụ Pháp chế: 1 sắp đến hạn, 1 quá hạn, 1 chưa báo cáo tiến độ"));
            Assert.That(Recipients(digest), Is.EqualTo(UnitAddress));
            Assert.That(text, Does.Contain("Quá hạn\n- Sửa đổi Thông tư về cấp phép (").And.Contain("hạn 20/03/2026, quá hạn 3 ngày"));
            Assert.That(text, Does.Contain("Sắp đến hạn\n- Bổ sung quy định về hồ sơ (").And.Contain("hạn 25/03/2026"));
            Assert.That(text, Does.Contain("Quá 7 ngày chưa báo cáo tiến độ\n- Thay thế Thông tư về báo cáo (").And.Contain("báo cáo gần nhất 02/03/2026"));
            Assert.That(text, Does.Not.Contain("Bãi bỏ Điều 7"));
            Assert.That(text, Does.Contain("Overdue\n- Sửa đổi Thông tư về cấp phép (").And.Contain("3 days overdue"));
        });
        SetLocalTime("2026-03-30T07:00:00");
        Assert.That(await DigestRound(), Is.EqualTo(2));
    }

    [Test]
    public async Task ReviewFlagsLeftOpen_AreRemindedAfterFourteenDays_AndEscalatedAfterThirty_EachOnce()
    {
        var (law, decree, circular) = await Chain();
        await BringIntoForce(law, "replace");
        var decided = new List<int>();
        foreach (var day in new[] { "2026-03-15", "2026-03-16", "2026-03-16" })
        {
            SetLocalTime($"{day}T08:00:00");
            decided.Add(await ReviewRound());
        }

        await Send(Coordinator.Http, $"/api/v1/regulations/{circular}/reviewed", new JsonObject { ["outcome"] = "expired" });
        SetLocalTime("2026-04-01T08:00:00");
        decided.Add(await ReviewRound());
        await EmailRound();

        var decreeSymbol = (await Coordinator.Http.GetAsync($"/api/v1/regulations/{decree}").ExpectJson(200)).Str("symbol");
        var review = (await Coordinator.Http.GetAsync($"/api/v1/regulations/{decree}").ExpectJson(200))["review"]!;
        var feed = (await Coordinator.Http.GetAsync("/api/v1/changes?limit=200").ExpectJson(200))["items"]!.AsArray()
            .Select(c => c!.Str("type")).Where(t => t.StartsWith("regulation.review_", StringComparison.Ordinal) && t != "regulation.review_needed");
        var mail = Smtp.Received;
        Assert.Multiple(() =>
        {
            Assert.That(decided, Is.EqualTo(new[] { 0, 2, 0, 1 }), "13 days is not yet; the decree and the circular at 14; the reviewed circular is not escalated");
            Assert.That(review["reminders"]!.AsArray().Select(r => $"{r!.Str("tier")}:{r!.Str("emailState")}"), Is.EqualTo(new[] { "reminded:sent", "escalated:sent" }));
            Assert.That(feed, Is.EquivalentTo(new[] { "regulation.review_reminded", "regulation.review_reminded", "regulation.review_escalated" }));
            Assert.That(mail.Select(m => $"{m.Subject!.Split(']')[0]}] {Recipients(m)}"), Is.EquivalentTo(new[]
            {
                $"[Chưa rà soát] {CoordinatorsAddress}", $"[Chưa rà soát] {CoordinatorsAddress}", $"[Báo cáo cấp trên] {CoordinatorsAddress},{LeadershipAddress}",
            }));
            var escalation = mail.Single(m => m.Subject!.StartsWith("[Báo cáo cấp trên]", StringComparison.Ordinal));
            Assert.That(escalation.Subject, Is.EqualTo($"[Báo cáo cấp trên] {decreeSymbol}: chưa rà soát từ ngày 02/03/2026"));
            Assert.That(escalation.TextBody, Does.Contain("đã chờ rà soát 30 ngày").And.Contain("văn bản này hết hiệu lực theo")
                .And.Contain($"https://register.test/api/v1/regulations/{decree}").And.Contain("has been waiting for review for 30 days"));
        });
    }

    private Task<int> ReviewRound() =>
        ObstacleRegister.Regulations.Reviews.ReviewReminderSweep.RunRound(
            Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ObstacleRegister.Regulations.Reviews.ReviewReminderOptions>>().Value,
            CancellationToken.None);

    private Task<int> DigestRound() =>
        ObstacleRegister.Amendments.Notices.WeeklyDigests.RunRound(
            Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ObstacleRegister.Amendments.Notices.NoticeOptions>>().Value,
            CancellationToken.None);
}
