using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ObstacleRegister.BuildingBlocks.Background;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.Changes.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Webhooks;
using ObstacleRegister.Tests.Infrastructure;
using ObstacleRegister.Webhooks.Delivery;

namespace ObstacleRegister.Tests.Api.Operations;

/// <summary>
/// Background loops are supervised: an exception of any type in a round is logged, counted and retried, never
/// stopping the host; several failures in a row make readiness say which loop; a lost race is a quiet no-op.
/// </summary>
public sealed class BackgroundLoopTests(DatabaseProvider provider) : WebhookTest(provider)
{
    [Test]
    public async Task Readiness_WhileALoopKeepsFailing_Is503NamingTheLoop_AndRecoversAfterAGoodRound()
    {
        var dispatcher = Factory.Services.GetServices<IHostedService>().OfType<WebhookDispatcher>().Single();
        Factory.Faults.Fail<FindPendingWebhookWork>(LoopHealth.FailingAfter, () => new NotSupportedException("injected"));

        var outcomes = new List<LoopRoundOutcome>();
        for (var i = 0; i < LoopHealth.FailingAfter; i++)
        {
            outcomes.Add(await dispatcher.RunSupervisedRound(CancellationToken.None));
        }

        var failing = await Anonymous().GetAsync("/health/ready").ExpectJson(503);
        var recovered = await dispatcher.RunSupervisedRound(CancellationToken.None);
        var ready = await Anonymous().GetAsync("/health/ready").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(outcomes, Is.All.EqualTo(LoopRoundOutcome.Failed));
            var background = failing["checks"]!.AsArray().Single(c => c!.Str("name") == "background")!;
            Assert.That(background.Str("status"), Is.EqualTo("unhealthy"));
            Assert.That(background.Str("description"), Does.Contain("WebhookDispatcher").And.Contain("NotSupportedException"));
            Assert.That(recovered, Is.EqualTo(LoopRoundOutcome.Ok));
            Assert.That(ready.Str("status"), Is.EqualTo("healthy"));
            Assert.That(Factory.LogLines, Has.Some.Contains("Background loop WebhookDispatcher failed (3 in a row)"));
        });
    }

    [Test]
    public async Task HostedLoop_WhoseRoundsThrowAnUnexpectedException_KeepsRunningAndDeliversOnceItRecovers()
    {
        var receiver = new WebhookReceiver();
        using var host = SecondHost(receiver, ("Webhooks:DispatchInterval", "00:00:00.050"));
        host.Faults.Fail<FindPendingWebhookWork>(2, () => new FormatException("injected"));
        var url = Url();
        await RegisterEndpoint(url, ["obstacle.submitted"], null);

        await Submit(ReporterA);
        var delivered = await receiver.WaitFor(1, url);
        using var live = await host.CreateClient().GetAsync("/health/live");

        Assert.Multiple(() =>
        {
            Assert.That(delivered, Has.Count.EqualTo(1), "the loop went on after its failed rounds");
            Assert.That((int)live.StatusCode, Is.EqualTo(200), "the host is still up");
            Assert.That(host.LogLines.Count(l => l.Contains("Background loop WebhookDispatcher failed", StringComparison.Ordinal)), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task FanOut_WhenAnotherInstanceMovedTheCursorFirst_IsAQuietNoOp()
    {
        var url = Url();
        await RegisterEndpoint(url, ["obstacle.submitted"], null);
        await Submit(ReporterA);
        var dispatcher = Factory.Services.GetServices<IHostedService>().OfType<WebhookDispatcher>().Single();
        // Between this round's read of the cursor and its move, "another instance" fans out the same changes.
        Factory.Faults.Before<ReadChanges>(async services =>
        {
            Factory.Faults.Clear();
            await services.GetRequiredService<IDbSession>().ExecuteAsync(
                "UPDATE webhook_cursor SET position = position + 1000000 WHERE name = 'fan_out'", null, CancellationToken.None);
        });

        var outcome = await dispatcher.RunSupervisedRound(CancellationToken.None);
        var deliveries = await Count("SELECT COUNT(*) FROM webhook_delivery");

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(LoopRoundOutcome.Ok));
            Assert.That(deliveries, Is.Zero, "the loser wrote nothing");
            Assert.That(Factory.LogLines, Has.None.Contains("Background loop WebhookDispatcher failed"), "a lost race is not a failure");
        });
    }

    [Test]
    public async Task TwoHosts_DispatchingAtOnce_DeliverEveryChangeExactlyOnce()
    {
        var otherReceiver = new WebhookReceiver();
        using var other = SecondHost(otherReceiver, ("Webhooks:RetryBaseDelay", "00:00:00"));
        var url = Url();
        await RegisterEndpoint(url, ["obstacle.submitted"], null);
        for (var i = 0; i < 12; i++)
        {
            await Submit(i % 2 == 0 ? ReporterA : ReporterB);
        }

        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(DispatchRound(), DispatchRound(other));
        }

        var received = Receiver.For(url).Concat(otherReceiver.For(url)).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(received, Has.Count.EqualTo(12));
            Assert.That(received.Select(r => r.Id).Distinct().Count(), Is.EqualTo(12), "no change sent twice");
            Assert.That(await Count("SELECT COUNT(*) FROM webhook_delivery WHERE status = 'delivered'"), Is.EqualTo(12));
            Assert.That(Factory.LogLines.Concat(other.LogLines), Has.None.Contains("Unhandled").And.None.Contains("failed ("));
        });
    }

    [Test]
    public void RetryDelay_DoublesFromTheIntervalAndIsCapped()
    {
        var dispatcher = Factory.Services.GetServices<IHostedService>().OfType<DeliveryRetention>().Single();

        Assert.Multiple(() =>
        {
            Assert.That(dispatcher.RetryDelay(1), Is.EqualTo(TimeSpan.FromSeconds(5)), "an hourly loop retries in seconds, not in an hour");
            Assert.That(dispatcher.RetryDelay(2), Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(dispatcher.RetryDelay(50), Is.EqualTo(LoopSupervisor.MaxBackoff));
        });
    }

    private async Task<long> Count(string sql)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDbSession>().ExecuteScalarAsync<long>(sql, null, CancellationToken.None);
    }
}
