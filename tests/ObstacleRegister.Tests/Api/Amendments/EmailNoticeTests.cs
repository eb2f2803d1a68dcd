using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;
using ObstacleRegister.Webhooks.Delivery;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>
/// Notices reach people: the email outbox sends each one once, over SMTP, to a real server in the test process, in
/// Vietnamese with an English part; a server that is down loses nothing; the same notices reach the webhooks.
/// </summary>
public sealed class EmailNoticeTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    private const string UnitAddress = "phapche@mic.gov.vn";
    private const string OfficialAddress = "nvb@mic.gov.vn";
    private const string CoordinatorsAddress = "dieuphoi@moj.gov.vn";
    private const string LeadershipAddress = "lanhdao@moj.gov.vn";
    private const string HookUrl = "http://receiver.test/hooks/notices";

    private readonly TestSmtpServer smtp = TestSmtpServer.Start();
    private readonly WebhookReceiver receiver = new();

    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string>
    {
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Smtp:From"] = "register@register.test",
        ["Notifications:Smtp:Security"] = "None",
        ["Notifications:CoordinatorsEmail"] = CoordinatorsAddress,
        ["Notifications:LeadershipEmail"] = LeadershipAddress,
        ["Notifications:PublicBaseUrl"] = "https://register.test/",
        ["Webhooks:AllowPrivateTargets"] = "true",
    };

    protected override void ConfigureTestServices(IServiceCollection services) => receiver.Register(services);

    [SetUp]
    public void ClearMailbox()
    {
        smtp.Clear();
        receiver.Received.Clear();
    }

    [OneTimeTearDown]
    public void StopSmtp() => smtp.Dispose();

    [Test]
    public async Task EveryTier_IsEmailedOnceToItsAudience_AcrossAMovedDeadlineAndARestart_AndReachesTheWebhook()
    {
        await Admin.PostJson("/api/v1/webhooks", new JsonObject
        {
            ["url"] = HookUrl, ["eventTypes"] = new JsonArray("amendment.due_soon", "amendment.overdue", "amendment.escalated"),
        }).ExpectJson(201);
        var id = (await Open(await BodyWithAddresses("2026-03-30"))).Str("id");

        await Day("2026-03-16");
        await Day("2026-03-27");
        await Day("2026-03-31");
        using (var restarted = new RegisterFactory(Factory.Database, Clock, HostSettings, receiver.Register))
        {
            await Day("2026-04-06", restarted);
            await Day("2026-04-06", restarted);
        }

        await Send(Coordinator.Http, $"/api/v1/amendments/{id}/deadline", new JsonObject { ["dueOn"] = "2026-04-30", ["reason"] = "Lùi theo chỉ đạo." });
        await Day("2026-04-27");
        await Day("2026-05-30");
        Assert.That(await EmailRound(), Is.Zero, "nothing is sent twice");

        var mail = smtp.Received;
        var notices = (await GetAmendment(id))["notices"]!.AsArray();
        Assert.Multiple(() =>
        {
            // Notices decided in the same round go out in the same batch, in no promised order.
            Assert.That(mail.Select(m => $"{m.Subject!.Split(']')[0]}] {Recipients(m)}"), Is.EquivalentTo(new[]
            {
                $"[Nhắc hạn] {UnitAddress},{OfficialAddress}", $"[Nhắc hạn] {UnitAddress},{OfficialAddress}", $"[Quá hạn] {UnitAddress},{OfficialAddress}",
                $"[Báo cáo cấp trên] {CoordinatorsAddress}", $"[Nhắc hạn] {UnitAddress},{OfficialAddress}", $"[Quá hạn] {UnitAddress},{OfficialAddress}",
                $"[Báo cáo cấp trên] {LeadershipAddress}",
            }));
            Assert.That(mail[0].Subject, Is.EqualTo("[Nhắc hạn] Sửa đổi Điều 5 về thời hạn cấp phép: còn 14 ngày đến hạn (30/03/2026)"));
            Assert.That(mail[3].Subject, Is.EqualTo("[Báo cáo cấp trên] Sửa đổi Điều 5 về thời hạn cấp phép: quá hạn 7 ngày"));
            Assert.That(mail[4].Subject, Does.EndWith("còn 3 ngày đến hạn (30/04/2026)"), "the moved deadline starts the ladder again");
            Assert.That(mail.Select(m => m.MessageId).Distinct().Count(), Is.EqualTo(7));
            Assert.That(notices.Select(n => n!["deliveries"]!.AsArray().Single(d => d!.Str("channel") == "email")!.Str("state")), Is.All.EqualTo("sent"));
            Assert.That(receiver.For(HookUrl).Select(w => JsonNode.Parse(w.Body)!.Str("type")), Is.EquivalentTo(new[]
            {
                "amendment.due_soon", "amendment.due_soon", "amendment.overdue", "amendment.escalated", "amendment.due_soon", "amendment.overdue",
                "amendment.escalated",
            }));
        });
    }

    [Test]
    public async Task AnEmail_CarriesVietnameseAndEnglish_InPlainTextAndHtml_WithTheFactsAndALink()
    {
        var id = (await Open(await BodyWithAddresses("2026-03-30"))).Str("id");
        SetLocalTime("2026-04-02T08:00:00");
        await NoticeRound();
        await EmailRound();

        var message = smtp.Received.Single(m => m.Subject!.StartsWith("[Quá hạn]", StringComparison.Ordinal));
        var text = message.TextBody!;
        var html = message.HtmlBody!;
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Nhiệm vụ sửa đổi này đã quá hạn ban hành ngày 30/03/2026."));
            Assert.That(text, Does.Contain("Hạn ban hành: 30/03/2026").And.Contain("Số ngày quá hạn: 3").And.Contain("Người chịu trách nhiệm: Nguyễn Văn B, Thứ trưởng"));
            Assert.That(text, Does.Contain("This amendment was due on 2026-03-30 and has not been issued.").And.Contain("Due date: 2026-03-30"));
            Assert.That(text.IndexOf("Hạn ban hành", StringComparison.Ordinal), Is.LessThan(text.IndexOf("Due date", StringComparison.Ordinal)), "Vietnamese first");
            Assert.That(text, Does.Contain($"https://register.test/api/v1/amendments/{id}"));
            Assert.That(html, Does.Contain("<html lang=\"vi\">").And.Contain("<div lang=\"en\">").And.Contain("Nguyễn Văn B, Thứ trưởng"));
            Assert.That(message.Body!.Headers[HeaderId.ContentLanguage], Is.EqualTo("vi, en"));
            Assert.That(message.From.Mailboxes.Single().Address, Is.EqualTo("register@register.test"));
        });
    }

    [Test]
    public async Task AServerThatIsDown_LosesNothing_TheEmailIsSentOnceItIsBack()
    {
        var id = (await Open(await BodyWithAddresses("2026-03-30"))).Str("id");
        SetLocalTime("2026-03-16T08:00:00");
        await CheckIn(id, null, drafter: drafter);
        await NoticeRound();
        smtp.Stop();
        try
        {
            Assert.That(await EmailRound(), Is.Zero);
        }
        finally
        {
            smtp.Resume();
        }

        var waiting = Email((await GetAmendment(id))["notices"]![0]!);
        Assert.That(await EmailRound(), Is.Zero, "not due again before its backoff");
        Clock.Now += TimeSpan.FromMinutes(2);
        Assert.That(await EmailRound(), Is.EqualTo(1));
        var sent = Email((await GetAmendment(id))["notices"]![0]!);

        Assert.Multiple(() =>
        {
            Assert.That(waiting.Str("state"), Is.EqualTo("pending"));
            Assert.That(waiting["attempts"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(waiting.Str("lastError"), Does.Contain("could not be reached"));
            Assert.That(sent.Str("state"), Is.EqualTo("sent"));
            Assert.That(sent["attempts"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(smtp.Received, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task ARecipientRefusedForGood_FailsTheEmailAtOnce_AndAUnitWithoutAddressIsSkipped()
    {
        smtp.Refuse(UnitAddress);
        var refusedId = (await Open(await BodyWithAddresses("2026-03-30"))).Str("id");
        var unaddressed = OpenBody(await AcceptedObstacle(ReporterA));
        unaddressed["dueOn"] = "2026-03-30";
        var unaddressedId = (await Open(unaddressed)).Str("id");
        SetLocalTime("2026-03-16T08:00:00");
        await NoticeRound();
        await EmailRound();
        Clock.Now += TimeSpan.FromHours(3);
        await EmailRound();

        var failed = Email((await GetAmendment(refusedId))["notices"]![0]!);
        var skipped = Email((await GetAmendment(unaddressedId))["notices"]![0]!);
        Assert.Multiple(() =>
        {
            Assert.That(failed.Str("state"), Is.EqualTo("failed"));
            Assert.That(failed["attempts"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(failed.Str("lastError"), Does.Contain("550"));
            Assert.That(skipped.Str("state"), Is.EqualTo("skipped"));
            Assert.That(skipped.Str("skipReason"), Is.EqualTo("no_address"));
            Assert.That(smtp.Received, Is.Empty);
        });
    }

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
            await CheckIn(id, null, drafter: drafter);
        }

        var decided = new List<int> { await DigestRound(), await DigestRound() };
        SetLocalTime("2026-03-30T06:59:00");
        decided.Add(await DigestRound());
        await EmailRound();
        var digest = smtp.Received.Single();
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
        var mail = smtp.Received;
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

    private async Task Day(string day, RegisterFactory? host = null)
    {
        SetLocalTime($"{day}T08:00:00");
        foreach (var amendment in (await Coordinator.Http.GetAsync("/api/v1/amendments?limit=200").ExpectJson(200))["items"]!.AsArray())
        {
            await CheckIn(amendment!.Str("id"), null, drafter: drafter);
        }

        await NoticeRound(host);
        await EmailRound(host);
        await WebhookDispatcher.RunRound((host ?? Factory).Services.GetRequiredService<IServiceScopeFactory>(), NullLogger.Instance, CancellationToken.None);
    }

    private KeyedClient drafter = null!;

    /// <summary>An amendment drafted by a unit with a contact address (a new one unless named), its official with one too.</summary>
    private async Task<JsonObject> BodyWithAddresses(string dueOn, string title = "Sửa đổi Điều 5 về thời hạn cấp phép", bool sameUnit = false)
    {
        if (!sameUnit)
        {
            var unit = await Admin.PostJson("/api/v1/units", new JsonObject
            {
                ["code"] = $"VPC{Unique()}", ["name"] = "Vụ Pháp chế", ["kind"] = "agency", ["contactEmail"] = UnitAddress,
            }).ExpectJson(201);
            drafter = await CreateKey(Guid.Parse(unit.Str("id")), "drafter");
        }

        var body = OpenBody(await AcceptedObstacle(ReporterA));
        body["title"] = title;
        body["draftingUnitId"] = drafter.UnitId.ToString();
        body["dueOn"] = dueOn;
        body["responsibleOfficial"] = new JsonObject { ["name"] = "Nguyễn Văn B", ["position"] = "Thứ trưởng", ["email"] = OfficialAddress };
        return body;
    }

    private static JsonNode Email(JsonNode notice) => notice["deliveries"]!.AsArray().Single(d => d!.Str("channel") == "email")!;

    private static string Recipients(MimeMessage message) => string.Join(',', message.To.Mailboxes.Select(m => m.Address));
}
