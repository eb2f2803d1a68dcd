using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ObstacleRegister.Amendments.Notices;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>
/// Late and silent work is noticed: reminders before the due date, escalation after it, nudges when check-ins stop.
/// The fake clock walks the ladder and each round is run explicitly; every notice is decided once, whatever runs it.
/// </summary>
public sealed class NoticeTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    [Test]
    public async Task Ladder_RemindsEscalatesAndStartsAgainFromAMovedDeadline_EachNoticeOnce()
    {
        var id = (await Open(WithDueOn(OpenBody(await AcceptedObstacle(ReporterA)), "2026-03-30"))).Str("id");
        var decided = new List<int> { await Round() };

        foreach (var day in new[] { "2026-03-16", "2026-03-16", "2026-03-27", "2026-03-31", "2026-04-06" })
        {
            SetLocalTime($"{day}T08:00:00");
            await CheckIn(id, null);
            decided.Add(await Round());
        }

        await Send(Coordinator.Http, $"/api/v1/amendments/{id}/deadline", new JsonObject { ["dueOn"] = "2026-04-30", ["reason"] = "Lùi theo chỉ đạo." });
        decided.Add(await Round());
        SetLocalTime("2026-04-27T08:00:00");
        await CheckIn(id, null);
        decided.Add(await Round());
        using (var restarted = new RegisterFactory(Factory.Database, Clock))
        {
            decided.Add(await Round(restarted));
        }

        var amendment = await GetAmendment(id);
        var history = Actions(await Coordinator.Http.GetAsync($"/api/v1/amendments/{id}/history?limit=200").ExpectJson(200)).ToList();
        var feed = (await Coordinator.Http.GetAsync("/api/v1/changes?limit=200").ExpectJson(200))["items"]!.AsArray()
            .Where(c => c!.Str("resourceId") == id).Select(c => c!.Str("type")).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(decided, Is.EqualTo(new[] { 0, 1, 0, 1, 1, 1, 0, 1, 0 }), "day by day, the restarted host deciding nothing twice");
            var notices = amendment["notices"]!.AsArray();
            Assert.That(notices.Select(n => n!.Str("tier")), Is.EqualTo(new[] { "due_soon_14", "due_soon_3", "overdue", "overdue_escalated_7", "due_soon_3" }));
            Assert.That(notices.Select(n => n!.Str("basis")), Is.EqualTo(new[] { "2026-03-30", "2026-03-30", "2026-03-30", "2026-03-30", "2026-04-30" }));
            Assert.That(notices[3]!["audience"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "coordinators" }));
            Assert.That(notices[0]!["audience"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "drafting_unit", "responsible_official" }));
            Assert.That(notices[3]!.Str("event"), Is.EqualTo("amendment.escalated"));
            Assert.That(history.Where(a => a is "due_soon" or "overdue" or "escalated"), Is.EqualTo(new[] { "due_soon", "due_soon", "overdue", "escalated", "due_soon" }));
            Assert.That(feed.Where(t => t is "amendment.due_soon" or "amendment.overdue" or "amendment.escalated").Count(), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task SilentWork_IsNudgedAfterSevenDaysAndEscalatedAfterFourteen_UntilTheNextCheckIn()
    {
        var id = (await Open(WithDueOn(OpenBody(await AcceptedObstacle(ReporterA)), "2026-12-31"))).Str("id");
        var decided = new List<int>();

        foreach (var day in new[] { "2026-03-09", "2026-03-10", "2026-03-17" })
        {
            SetLocalTime($"{day}T08:00:00");
            decided.Add(await Round());
        }

        await CheckIn(id, null);
        decided.Add(await Round());
        SetLocalTime("2026-03-26T08:00:00");
        decided.Add(await Round());

        var tiers = (await GetAmendment(id))["notices"]!.AsArray().Select(n => n!.Str("tier"));
        Assert.Multiple(() =>
        {
            Assert.That(decided, Is.EqualTo(new[] { 0, 1, 1, 0, 1 }), "7 days is not yet stale; 8 is; 15 escalates; a check-in starts again");
            Assert.That(tiers, Is.EqualTo(new[] { "stale", "stale_escalated_14", "stale" }));
        });
    }

    [Test]
    public async Task WorkRegisteredAlreadyLate_IsEscalatedToTheHighestTierAtOnce_AndCancelledWorkNeverNudged()
    {
        var late = (await Open(WithDueOn(OpenBody(await AcceptedObstacle(ReporterA)), "2026-01-15"))).Str("id");
        var cancelled = (await Open(WithDueOn(OpenBody(await AcceptedObstacle(ReporterB)), "2026-01-15"))).Str("id");
        await Send(Coordinator.Http, $"/api/v1/amendments/{cancelled}/cancel", new JsonObject { ["reason"] = "Đã có văn bản khác xử lý." });

        var decided = await Round();

        Assert.Multiple(async () =>
        {
            Assert.That(decided, Is.EqualTo(2));
            Assert.That((await GetAmendment(late))["notices"]!.AsArray().Select(n => n!.Str("tier")), Is.EqualTo(new[] { "overdue", "overdue_escalated_30" }));
            Assert.That((await GetAmendment(late))["notices"]![1]!["audience"]![0]!.GetValue<string>(), Is.EqualTo("coordinators_leadership"));
            Assert.That((await GetAmendment(cancelled))["notices"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public void NoticeEvents_AreSubscribableByWebhooks()
    {
        string[] notices = ["amendment.due_soon", "amendment.overdue", "amendment.stale", "amendment.escalated"];

        var webhook = ObstacleRegister.Webhooks.Endpoints.NewWebhookRules.Check(
            new ObstacleRegister.Webhooks.Endpoints.RegisterWebhookBody("https://hooks.example.org/late", notices, null, null),
            new ObstacleRegister.Webhooks.WebhookOptions(), new ObstacleRegister.BuildingBlocks.Changes.EventCatalogue(ObstacleRegister.Api.ModuleAssemblies.EventNames));

        Assert.That(webhook.EventTypes, Is.EqualTo(notices));
    }

    private static JsonObject WithDueOn(JsonObject body, string dueOn)
    {
        body["dueOn"] = dueOn;
        return body;
    }

    [Test]
    public async Task WithoutAnSmtpHost_EmailIsOff_TheServiceSaysSoAndEachNoticeRecordsItsEmailAsSkipped()
    {
        var id = (await Open(WithDueOn(OpenBody(await AcceptedObstacle(ReporterA)), "2026-03-30"))).Str("id");
        SetLocalTime("2026-03-16T08:00:00");
        await CheckIn(id, null);
        await Round();
        using var restarted = new RegisterFactory(Factory.Database, Clock);
        _ = restarted.Server;

        var deliveries = (await GetAmendment(id))["notices"]![0]!["deliveries"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(deliveries.Select(d => $"{d!.Str("channel")}:{d!.Str("state")}"), Is.EqualTo(new[] { "change_feed:published", "email:skipped" }));
            Assert.That(deliveries[1]!.Str("skipReason"), Is.EqualTo("email_off"));
            Assert.That(restarted.LogLines, Has.Some.Contains("Email is off: Notifications:Smtp:Host is not set"));
        });
    }

    private Task<int> Round(RegisterFactory? host = null) => NoticeRound(host);
}
