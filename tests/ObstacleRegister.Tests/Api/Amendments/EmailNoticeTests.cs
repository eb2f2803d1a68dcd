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
public sealed class EmailNoticeTests(DatabaseProvider provider) : EmailTest(provider)
{
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
        using (var restarted = new RegisterFactory(Factory.Database, Clock, HostSettings, Receiver.Register))
        {
            await Day("2026-04-06", restarted);
            await Day("2026-04-06", restarted);
        }

        await Send(Coordinator.Http, $"/api/v1/amendments/{id}/deadline", new JsonObject { ["dueOn"] = "2026-04-30", ["reason"] = "Lùi theo chỉ đạo." });
        await Day("2026-04-27");
        await Day("2026-05-30");
        Assert.That(await EmailRound(), Is.Zero, "nothing is sent twice");

        var mail = Smtp.Received;
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
            Assert.That(Receiver.For(HookUrl).Select(w => JsonNode.Parse(w.Body)!.Str("type")), Is.EquivalentTo(new[]
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

        var message = Smtp.Received.Single(m => m.Subject!.StartsWith("[Quá hạn]", StringComparison.Ordinal));
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
        await CheckIn(id, null, drafter: UnitDrafter);
        await NoticeRound();
        Smtp.Stop();
        try
        {
            Assert.That(await EmailRound(), Is.Zero);
        }
        finally
        {
            Smtp.Resume();
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
            Assert.That(Smtp.Received, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task ARecipientRefusedForGood_FailsTheEmailAtOnce_AndAUnitWithoutAddressIsSkipped()
    {
        Smtp.Refuse(UnitAddress);
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
            Assert.That(Smtp.Received, Is.Empty);
        });
    }

    private async Task Day(string day, RegisterFactory? host = null)
    {
        SetLocalTime($"{day}T08:00:00");
        foreach (var amendment in (await Coordinator.Http.GetAsync("/api/v1/amendments?limit=200").ExpectJson(200))["items"]!.AsArray())
        {
            await CheckIn(amendment!.Str("id"), null, drafter: UnitDrafter);
        }

        await NoticeRound(host);
        await EmailRound(host);
        await WebhookDispatcher.RunRound((host ?? Factory).Services.GetRequiredService<IServiceScopeFactory>(), NullLogger.Instance, CancellationToken.None);
    }

    /// <summary>The secret calendar address is built from the configured public address, never from a Host header anyone may send.</summary>
    [Test]
    public async Task CalendarFeedAddress_IsTheConfiguredPublicAddress_WhateverTheHostHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/calendar-feeds") { Content = System.Net.Http.Json.JsonContent.Create(new JsonObject()) };
        request.Headers.Host = "evil.example";

        using var response = await Drafter.Http.SendAsync(request);

        Assert.That((await response.ExpectJson(201)).Str("url"), Does.StartWith("https://register.test/api/v1/calendar/"));
    }
}
