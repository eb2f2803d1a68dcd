using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Obstacles;

public sealed class ObstacleTriageTests(DatabaseProvider provider) : ObstacleTest(provider)
{
    [Test]
    public async Task Accept_MovesToAcceptedAndReturnsNextETag()
    {
        var obstacle = await Submit(ReporterA);

        var (json, etag) = await Send(Coordinator.Http, $"/api/v1/obstacles/{obstacle.Str("id")}/accept", new JsonObject { ["note"] = "Đúng là vướng mắc." }, "\"1\"");

        Assert.Multiple(() =>
        {
            Assert.That(json.Str("status"), Is.EqualTo("accepted"));
            Assert.That(etag, Is.EqualTo("\"2\""));
        });
    }

    [Test]
    public async Task Accept_WithoutBody_IsAllowed()
    {
        var obstacle = await Submit(ReporterA);

        var json = await Transition(Coordinator.Http, obstacle.Str("id"), "accept");

        Assert.That(json.Str("status"), Is.EqualTo("accepted"));
    }

    [Test]
    public async Task Accept_WithStaleETag_Returns412AndChangesNothing()
    {
        var obstacle = await Submit(ReporterA);

        await Send(Coordinator.Http, $"/api/v1/obstacles/{obstacle.Str("id")}/accept", null, "\"7\"", 412);

        var read = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{obstacle.Str("id")}").ExpectJson(200);
        Assert.That(read.Str("status"), Is.EqualTo("submitted"));
    }

    [Test]
    public async Task Accept_WhenObstacleWasWithdrawn_Returns409NamingTheCurrentStatus()
    {
        var obstacle = await Submit(ReporterA);
        await Transition(ReporterA.Http, obstacle.Str("id"), "withdraw");

        var problem = await Transition(Coordinator.Http, obstacle.Str("id"), "accept", status: 409);

        Assert.Multiple(() =>
        {
            Assert.That(problem.Str("type"), Does.EndWith("illegal-transition"));
            Assert.That(problem.Str("currentStatus"), Is.EqualTo("withdrawn"));
            Assert.That(problem.Str("requestedStatus"), Is.EqualTo("accepted"));
        });
    }

    [Test]
    public async Task Reject_RequiresAReason()
    {
        var obstacle = await Submit(ReporterA);

        var problem = await Transition(Coordinator.Http, obstacle.Str("id"), "reject", new JsonObject(), 400);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain("reason"));
    }

    [Test]
    public async Task Reject_ReasonBecomesThePublicAnswer()
    {
        var obstacle = await Submit(ReporterA);

        await Transition(Coordinator.Http, obstacle.Str("id"), "reject", Reason("Không phải vướng mắc: Điều 5 đã được hướng dẫn tại Thông tư 01/2024/TT-BTTTT."));

        var seenByOtherUnit = await ReporterB.Http.GetAsync($"/api/v1/obstacles/{obstacle.Str("id")}").ExpectJson(200);
        Assert.Multiple(() =>
        {
            Assert.That(seenByOtherUnit.Str("status"), Is.EqualTo("rejected"));
            Assert.That(seenByOtherUnit.Str("answer"), Does.StartWith("Không phải vướng mắc"));
        });
    }

    [Test]
    public async Task Withdraw_ByTheReportingUnit_BeforeAcceptance_Works()
    {
        var obstacle = await Submit(ReporterA);

        var json = await Transition(ReporterA.Http, obstacle.Str("id"), "withdraw", new JsonObject { ["note"] = "Đã tự giải quyết." });

        Assert.That(json.Str("status"), Is.EqualTo("withdrawn"));
    }

    [Test]
    public async Task Withdraw_ByAnotherUnitsReporter_Returns403()
    {
        var obstacle = await Submit(ReporterA);

        await Transition(ReporterB.Http, obstacle.Str("id"), "withdraw", status: 403);
    }

    [Test]
    public async Task Withdraw_AfterAcceptance_Returns409()
    {
        var obstacle = await Submit(ReporterA);
        await Transition(Coordinator.Http, obstacle.Str("id"), "accept");

        var problem = await Transition(ReporterA.Http, obstacle.Str("id"), "withdraw", status: 409);

        Assert.That(problem.Str("currentStatus"), Is.EqualTo("accepted"));
    }

    [Test]
    public async Task Duplicate_OfItself_Returns400()
    {
        var obstacle = await Submit(ReporterA);

        await Transition(Coordinator.Http, obstacle.Str("id"), "duplicate", new JsonObject { ["duplicateOfId"] = obstacle.Str("id") }, 400);
    }

    [Test]
    public async Task Duplicate_OfUnknownObstacle_Returns400NamingDuplicateOfId()
    {
        var obstacle = await Submit(ReporterA);

        var problem = await Transition(Coordinator.Http, obstacle.Str("id"), "duplicate", new JsonObject { ["duplicateOfId"] = Guid.NewGuid().ToString() }, 400);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain("duplicateOfId"));
    }

    [Test]
    public async Task Duplicate_ReporterFollowsTheMastersStatus()
    {
        var master = await Submit(ReporterA);
        var copy = await Submit(ReporterB);
        await Transition(Coordinator.Http, master.Str("id"), "accept");

        await Transition(Coordinator.Http, copy.Str("id"), "duplicate", new JsonObject { ["duplicateOfId"] = master.Str("id") });

        var seenByReporter = await ReporterB.Http.GetAsync($"/api/v1/obstacles/{copy.Str("id")}").ExpectJson(200);
        Assert.Multiple(() =>
        {
            Assert.That(seenByReporter.Str("status"), Is.EqualTo("duplicate"));
            Assert.That(seenByReporter["master"]!.Str("id"), Is.EqualTo(master.Str("id")));
            Assert.That(seenByReporter["master"]!.Str("status"), Is.EqualTo("accepted"));
        });
    }

    [Test]
    public async Task Duplicate_OfADuplicate_PointsAtTheMaster()
    {
        var master = await Submit(ReporterA);
        var first = await Submit(ReporterB);
        var second = await Submit(ReporterB);
        await Transition(Coordinator.Http, first.Str("id"), "duplicate", new JsonObject { ["duplicateOfId"] = master.Str("id") });

        var json = await Transition(Coordinator.Http, second.Str("id"), "duplicate", new JsonObject { ["duplicateOfId"] = first.Str("id") });

        Assert.That(json.Str("duplicateOfId"), Is.EqualTo(master.Str("id")));
    }

    [Test]
    public async Task Duplicate_WhenItHadFollowers_MovesThemToTheNewMaster()
    {
        var follower = await Submit(ReporterB);
        var middle = await Submit(ReporterA);
        var master = await Submit(ReporterA);
        await Transition(Coordinator.Http, follower.Str("id"), "duplicate", new JsonObject { ["duplicateOfId"] = middle.Str("id") });

        await Transition(Coordinator.Http, middle.Str("id"), "duplicate", new JsonObject { ["duplicateOfId"] = master.Str("id") });

        var read = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{follower.Str("id")}").ExpectJson(200);
        var history = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{follower.Str("id")}/history").ExpectJson(200);
        Assert.Multiple(() =>
        {
            Assert.That(read.Str("duplicateOfId"), Is.EqualTo(master.Str("id")));
            Assert.That(history["items"]!.AsArray().Select(e => e!.Str("action")), Does.Contain("master_changed"));
        });
    }

    [Test]
    public async Task History_RecordsEveryChangeWithWhoWhenFromToAndWhy()
    {
        var obstacle = await Submit(ReporterA);
        Clock.Now = Clock.Now.AddHours(2);
        await Transition(Coordinator.Http, obstacle.Str("id"), "reject", Reason("Đã có hướng dẫn."));

        var history = await ReporterA.Http.GetAsync($"/api/v1/obstacles/{obstacle.Str("id")}/history").ExpectJson(200);

        var events = history["items"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e!.Str("action")), Is.EqualTo(new[] { "submitted", "rejected" }));
            Assert.That(events[0]!["from"], Is.Null);
            Assert.That(events[0]!.Str("unitId"), Is.EqualTo(ReporterA.UnitId.ToString()));
            Assert.That(events[0]!.Str("keyId"), Is.EqualTo(ReporterA.KeyId.ToString()));
            Assert.That(events[0]!.Str("keyName"), Is.EqualTo("test key"), "the key's name beside its id");
            Assert.That(events[1]!.Str("from"), Is.EqualTo("submitted"));
            Assert.That(events[1]!.Str("to"), Is.EqualTo("rejected"));
            Assert.That(events[1]!.Str("reason"), Is.EqualTo("Đã có hướng dẫn."));
            Assert.That(events[1]!.Str("keyId"), Is.EqualTo(Coordinator.KeyId.ToString()));
            Assert.That(DateTimeOffset.Parse(events[1]!.Str("at"), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(Clock.Now));
        });
    }

    [Test]
    public async Task History_OfUnknownObstacle_Returns404()
    {
        await Coordinator.Http.GetAsync($"/api/v1/obstacles/{Guid.NewGuid()}/history").ExpectProblem(404);
    }

    [Test]
    public async Task ConcurrentAccepts_WithTheSameETag_OnlyOneWins()
    {
        var obstacle = await Submit(ReporterA);

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/obstacles/{obstacle.Str("id")}/accept");
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            using var response = await Coordinator.Http.SendAsync(request);
            return (int)response.StatusCode;
        }));

        Assert.Multiple(() =>
        {
            Assert.That(results.Count(s => s == 200), Is.EqualTo(1));
            Assert.That(results.Count(s => s == 412), Is.EqualTo(4));
        });
    }
}
