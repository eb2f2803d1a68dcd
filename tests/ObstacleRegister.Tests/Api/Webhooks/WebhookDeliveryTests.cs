using System.Net;
using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;
using ObstacleRegister.Webhooks.Delivery;

namespace ObstacleRegister.Tests.Api.Webhooks;

/// <summary>Deliveries through the real dispatcher's rounds, run one at a time, to an in-memory receiver.</summary>
public sealed class WebhookDeliveryTests(DatabaseProvider provider) : WebhookTest(provider)
{
    [Test]
    public async Task Delivery_IsSignedAndNamesTheChange_OnlyForTheUnitAndTypesChosen()
    {
        var url = Url();
        var secret = await RegisterEndpoint(url, ["obstacle.accepted"], ReporterA.UnitId);
        var own = (await Submit(ReporterA)).Str("id");
        var foreign = (await Submit(ReporterB)).Str("id");
        await Transition(Coordinator.Http, foreign, "accept");
        await Transition(Coordinator.Http, own, "accept");

        await DispatchRounds(2);
        var received = Receiver.For(url);

        var payload = JsonNode.Parse(received[0].Body)!;
        Assert.Multiple(() =>
        {
            Assert.That(received, Has.Count.EqualTo(1), "not B's obstacle, not the submissions, and only once");
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
    public async Task Delivery_OfAPersonsStep_NamesThePerson_AndAKeysNamesNone()
    {
        var url = Url();
        await RegisterEndpoint(url, ["obstacle.accepted", "obstacle.rejected"], null);
        var byPerson = (await Submit(ReporterA)).Str("id");
        var byKey = (await Submit(ReporterA)).Str("id");
        using var coordinator = new StaffBrowser(Factory);
        using (await coordinator.SignInByLink(await AddPerson(Coordinator.UnitId, "Phạm Điều Phối", "coordinator")))
        {
        }

        using var accepted = await coordinator.Post($"/desk/obstacles/{byPerson}", $"/desk/obstacles/{byPerson}/accept", [new("version", "1"), new("note", "")]);
        await Transition(Coordinator.Http, byKey, "reject", new JsonObject { ["reason"] = "Không thuộc phạm vi." });

        await DispatchRounds(2);
        var payloads = Receiver.For(url).Select(r => JsonNode.Parse(r.Body)!).ToDictionary(p => p["data"]!.Str("resourceId"));

        Assert.Multiple(() =>
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(payloads[byPerson]["data"]!["person"]!.Str("name"), Is.EqualTo("Phạm Điều Phối"));
            Assert.That(payloads[byKey]["data"]!["person"], Is.Null);
        });
    }

    [Test]
    public async Task Delivery_AfterFailures_IsRetriedWithTheSameIdUntilAccepted()
    {
        var url = Url();
        Receiver.Answer(url, HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable);
        var secret = await RegisterEndpoint(url, ["obstacle.*"], null);
        var endpointId = await EndpointId(url);

        await Submit(ReporterA);
        await DispatchRounds(3);
        var received = Receiver.For(url);
        var log = await Admin.GetAsync($"/api/v1/webhooks/{endpointId}/deliveries").ExpectJson(200);
        var delivery = log["items"]!.AsArray().Single()!;
        var detail = await Admin.GetAsync($"/api/v1/webhooks/{endpointId}/deliveries/{delivery.Str("id")}").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(received.Select(r => r.Answered), Is.EqualTo(new[] { HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK }));
            Assert.That(received.Select(r => r.Id).Distinct().Count(), Is.EqualTo(1), "one message: the receiver can drop repeats by webhook-id");
            Assert.That(received.All(r => r.IsSignedWith(secret)), Is.True);
            Assert.That(delivery.Str("status"), Is.EqualTo("delivered"));
            Assert.That(delivery["attempts"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(detail["attemptLog"]!.AsArray().Select(a => a!["statusCode"]!.GetValue<int>()), Is.EqualTo(new[] { 500, 503, 200 }));
        });
    }

    [Test]
    public async Task Delivery_AnsweredGone_DisablesTheEndpoint()
    {
        var url = Url();
        Receiver.Answer(url, HttpStatusCode.Gone);
        await RegisterEndpoint(url, ["*"], null);
        var endpointId = await EndpointId(url);

        await Submit(ReporterA);
        await DispatchRound();
        var endpoint = await Admin.GetAsync($"/api/v1/webhooks/{endpointId}").ExpectJson(200);
        await Submit(ReporterB);
        await DispatchRounds(2);

        Assert.Multiple(() =>
        {
            Assert.That(endpoint.Str("status"), Is.EqualTo("disabled"));
            Assert.That(endpoint.Str("disabledReason"), Does.Contain("410"));
            Assert.That(Receiver.For(url), Has.Count.EqualTo(1), "nothing more is sent to a disabled endpoint");
        });
    }

    [Test]
    public async Task Delivery_NeverAccepted_IsGivenUpAfterTheLastAttempt()
    {
        var url = Url();
        Receiver.Answer(url, Enumerable.Repeat(HttpStatusCode.BadGateway, 10).ToArray());
        await RegisterEndpoint(url, ["obstacle.submitted"], null);
        var endpointId = await EndpointId(url);

        await Submit(ReporterA);
        await DispatchRounds(6);
        var delivery = (await Admin.GetAsync($"/api/v1/webhooks/{endpointId}/deliveries").ExpectJson(200))["items"]!.AsArray().Single()!;

        Assert.Multiple(() =>
        {
            Assert.That(Receiver.For(url), Has.Count.EqualTo(4), "MaxAttempts is 4 here, however many rounds run");
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
        await Submit(ReporterB);
        await DispatchRounds(2);

        Assert.That(Receiver.For(url).Select(r => JsonNode.Parse(r.Body)!["data"]!.Str("unitId")), Is.EqualTo(new[] { ReporterB.UnitId.ToString() }),
            "only the change that committed");
    }

    [Test]
    public async Task Retention_ForgetsSettledDeliveriesOnlyOnceTheyAreOldEnough()
    {
        var url = Url();
        await RegisterEndpoint(url, ["obstacle.submitted"], null);
        var endpointId = await EndpointId(url);
        await Submit(ReporterA);
        await DispatchRound();

        var tooYoung = await Send(new PurgeSettledDeliveries(Clock.Now - TimeSpan.FromDays(30)));
        var kept = (await Admin.GetAsync($"/api/v1/webhooks/{endpointId}/deliveries").ExpectJson(200))["items"]!.AsArray().Count;
        var old = await Send(new PurgeSettledDeliveries(Clock.Now.AddMinutes(1)));
        var left = (await Admin.GetAsync($"/api/v1/webhooks/{endpointId}/deliveries").ExpectJson(200))["items"]!.AsArray().Count;

        Assert.That((tooYoung, kept, old, left), Is.EqualTo((0, 1, 1, 0)));
    }
}
