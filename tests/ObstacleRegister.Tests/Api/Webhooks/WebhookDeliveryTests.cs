using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Obstacles;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Webhooks;

/// <summary>Deliveries through the real dispatcher (every 100 ms) to an in-memory receiver.</summary>
public sealed class WebhookDeliveryTests(DatabaseProvider provider) : ObstacleTest(provider)
{
    private readonly WebhookReceiver receiver = new();

    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string>
    {
        ["Webhooks:DispatchInterval"] = "00:00:00.100",
        ["Webhooks:RetryBaseDelay"] = "00:00:00",
        ["Webhooks:MaxAttempts"] = "4",
        ["Webhooks:AllowPrivateTargets"] = "true",
    };

    protected override void ConfigureTestServices(IServiceCollection services) => receiver.Register(services);

    [Test]
    public async Task Delivery_IsSignedAndNamesTheChange_OnlyForTheUnitAndTypesChosen()
    {
        var url = Url();
        var secret = await RegisterEndpoint(url, ["obstacle.accepted"], ReporterA.UnitId);
        var own = (await Submit(ReporterA)).Str("id");
        var foreign = (await Submit(ReporterB)).Str("id");
        await Transition(Coordinator.Http, foreign, "accept");
        await Transition(Coordinator.Http, own, "accept");

        var received = await receiver.WaitFor(1, url);
        await Task.Delay(300);

        var payload = JsonNode.Parse(received[0].Body)!;
        Assert.Multiple(() =>
        {
            Assert.That(receiver.For(url), Has.Count.EqualTo(1), "not B's obstacle, not the submissions");
            Assert.That(received[0].IsSignedWith(secret), Is.True);
            Assert.That(received[0].Id, Does.StartWith("msg_"));
            Assert.That(payload.Str("type"), Is.EqualTo("obstacle.accepted"));
            Assert.That(payload["data"]!.Str("resourceId"), Is.EqualTo(own));
            Assert.That(payload["data"]!.Str("unitId"), Is.EqualTo(ReporterA.UnitId.ToString()));
            Assert.That(long.Parse(received[0].Timestamp, System.Globalization.CultureInfo.InvariantCulture),
                Is.EqualTo(Clock.Now.ToUnixTimeSeconds()));
        });
    }

    [Test]
    public async Task Delivery_AfterFailures_IsRetriedWithTheSameIdUntilAccepted()
    {
        var url = Url();
        receiver.Answer(url, HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable);
        var secret = await RegisterEndpoint(url, ["obstacle.*"], null);
        var endpointId = await EndpointId(url);

        await Submit(ReporterA);
        var received = await receiver.WaitFor(3, url);
        var log = await Admin.GetAsync($"/api/v1/webhooks/{endpointId}/deliveries").ExpectJson(200);
        var delivery = log["items"]!.AsArray().Single()!;
        var detail = await Admin.GetAsync($"/api/v1/webhooks/{endpointId}/deliveries/{delivery.Str("id")}").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(received.Select(r => r.Answered), Is.EqualTo(new[] { HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK }));
            Assert.That(received.Select(r => r.Id).Distinct().Count(), Is.EqualTo(1), "one message: the receiver can drop repeats by webhook-id");
            Assert.That(received.All(r => r.IsSignedWith(secret)), Is.True);
            Assert.That(received.Count(r => r.Answered == HttpStatusCode.OK), Is.EqualTo(1), "accepted once");
            Assert.That(delivery.Str("status"), Is.EqualTo("delivered"));
            Assert.That(delivery["attempts"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(detail["attemptLog"]!.AsArray().Select(a => a!["statusCode"]!.GetValue<int>()), Is.EqualTo(new[] { 500, 503, 200 }));
        });
    }

    [Test]
    public async Task Delivery_AnsweredGone_DisablesTheEndpoint()
    {
        var url = Url();
        receiver.Answer(url, HttpStatusCode.Gone);
        await RegisterEndpoint(url, ["*"], null);
        var endpointId = await EndpointId(url);

        await Submit(ReporterA);
        await receiver.WaitFor(1, url);
        var endpoint = await WaitForStatus(endpointId, "disabled");
        await Submit(ReporterB);
        await Task.Delay(400);

        Assert.Multiple(() =>
        {
            Assert.That(endpoint.Str("disabledReason"), Does.Contain("410"));
            Assert.That(receiver.For(url), Has.Count.EqualTo(1), "nothing more is sent to a disabled endpoint");
        });
    }

    [Test]
    public async Task Delivery_NeverAccepted_IsGivenUpAfterTheLastAttempt()
    {
        var url = Url();
        receiver.Answer(url, Enumerable.Repeat(HttpStatusCode.BadGateway, 10).ToArray());
        await RegisterEndpoint(url, ["obstacle.submitted"], null);
        var endpointId = await EndpointId(url);

        await Submit(ReporterA);
        await receiver.WaitFor(4, url);
        await Task.Delay(300);
        var delivery = (await Admin.GetAsync($"/api/v1/webhooks/{endpointId}/deliveries").ExpectJson(200))["items"]!.AsArray().Single()!;

        Assert.Multiple(() =>
        {
            Assert.That(receiver.For(url), Has.Count.EqualTo(4), "MaxAttempts is 4 here");
            Assert.That(delivery.Str("status"), Is.EqualTo("failed"));
            Assert.That(delivery["lastStatusCode"]!.GetValue<int>(), Is.EqualTo(502));
        });
    }

    [Test]
    public async Task Changes_OfAFailedRequest_AreNeverDelivered()
    {
        var url = Url();
        await RegisterEndpoint(url, ["*"], null);
        Factory.Faults.FailAfter = typeof(ObstacleRegister.Obstacles.Submit.SubmitObstacle);

        await ReporterA.Http.PostJson("/api/v1/obstacles", Obstacle()).ExpectProblem(500);
        await Task.Delay(400);

        Assert.That(receiver.For(url), Is.Empty);
    }

    [Test]
    public async Task Retention_ForgetsSettledDeliveriesOnlyOnceTheyAreOldEnough()
    {
        var url = Url();
        await RegisterEndpoint(url, ["obstacle.submitted"], null);
        var endpointId = await EndpointId(url);
        await Submit(ReporterA);
        await receiver.WaitFor(1, url);
        await Task.Delay(200);

        var tooYoung = await Purge(Clock.Now - TimeSpan.FromDays(30));
        var kept = (await Admin.GetAsync($"/api/v1/webhooks/{endpointId}/deliveries").ExpectJson(200))["items"]!.AsArray().Count;
        var old = await Purge(Clock.Now.AddMinutes(1));
        var left = (await Admin.GetAsync($"/api/v1/webhooks/{endpointId}/deliveries").ExpectJson(200))["items"]!.AsArray().Count;

        Assert.That((tooYoung, kept, old, left), Is.EqualTo((0, 1, 1, 0)));
    }

    private async Task<int> Purge(DateTimeOffset cutoff)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>()
            .Send(new ObstacleRegister.Webhooks.Delivery.PurgeSettledDeliveries(cutoff));
    }

    private static string Url() => $"http://receiver.test/hooks/{Guid.NewGuid():N}";

    private async Task<string> RegisterEndpoint(string url, string[] types, Guid? unitId)
    {
        var body = new JsonObject
        {
            ["url"] = url, ["eventTypes"] = new JsonArray(types.Select(t => (JsonNode)t).ToArray()), ["unitId"] = unitId?.ToString(),
        };
        return (await Admin.PostJson("/api/v1/webhooks", body).ExpectJson(201)).Str("secret");
    }

    private async Task<string> EndpointId(string url) =>
        (await Admin.GetAsync("/api/v1/webhooks?limit=200").ExpectJson(200))["items"]!.AsArray().Single(e => e!.Str("url") == url)!.Str("id");

    private async Task<JsonNode> WaitForStatus(string endpointId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var endpoint = await Admin.GetAsync($"/api/v1/webhooks/{endpointId}").ExpectJson(200);
            if (endpoint.Str("status") == status || DateTime.UtcNow > deadline)
            {
                return endpoint;
            }

            await Task.Delay(50);
        }
    }
}
