using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Obstacles;

/// <summary>
/// The question loop: the coordinator asks the reporting unit for more (needs_information), the unit answers in the
/// obstacle's thread (back to submitted), the coordinator decides; the thread is never public.
/// </summary>
public sealed class InformationRequestTests(DatabaseProvider provider) : ObstacleTest(provider)
{
    private const string Question = "Đề nghị gửi kèm văn bản của Sở hướng dẫn thời hạn cấp phép đang áp dụng.";

    private const string Answer = "Đã gửi Công văn số 120/SCT-QLTM của Sở Công Thương.";

    [Test]
    public async Task AQuestionAndItsAnswer_MoveTheObstacleToNeedsInformationAndBack_InHistoryThreadAndFeed()
    {
        var id = (await Submit(ReporterA, Obstacle(regulationId: DecreeId))).Str("id");

        // Each step a minute after the last, so the history's order is the steps' order.
        Clock.Now = Clock.Now.AddMinutes(1);
        var (asked, askedTag) = await Send(Coordinator.Http, $"/api/v1/obstacles/{id}/request-information", new JsonObject { ["question"] = Question }, "\"1\"");
        Clock.Now = Clock.Now.AddMinutes(1);
        using var answered = await ReporterA.Http.PostJson($"/api/v1/obstacles/{id}/comments", new JsonObject { ["text"] = Answer });
        var answer = await answered.ExpectJson(201);
        var after = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{id}").ExpectJson(200);
        var thread = await ReporterA.Http.GetAsync($"/api/v1/obstacles/{id}/comments").ExpectJson(200);
        var history = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{id}/history").ExpectJson(200);
        var feed = await Coordinator.Http.GetAsync("/api/v1/changes?limit=200").ExpectJson(200);
        await Transition(Coordinator.Http, id, "accept");

        Assert.Multiple(() =>
        {
            Assert.That(asked.Str("status"), Is.EqualTo("needs_information"));
            Assert.That(askedTag, Is.EqualTo("\"2\""));
            Assert.That(answered.Headers.Location!.ToString(), Is.EqualTo($"/api/v1/obstacles/{id}/comments/{answer.Str("id")}"));
            Assert.That(answer.Str("kind"), Is.EqualTo("comment"));
            Assert.That(answer.Str("keyId"), Is.EqualTo(ReporterA.KeyId.ToString()));
            Assert.That(after.Str("status"), Is.EqualTo("submitted"), "the reporting unit's answer puts it back to the coordinator");
            Assert.That(thread["items"]!.AsArray().Select(c => (c!.Str("kind"), c!.Str("text"))),
                Is.EqualTo(new[] { ("question", Question), ("comment", Answer) }));
            Assert.That(history["items"]!.AsArray().Select(e => e!.Str("action")),
                Is.EqualTo(new[] { "submitted", "information_requested", "information_provided" }));
            Assert.That(history["items"]![1]!.Str("reason"), Is.EqualTo(Question));
            Assert.That(history["items"]![1]!.Str("to"), Is.EqualTo("needs_information"));
            Assert.That(feed["items"]!.AsArray().Where(c => c!.Str("resourceId") == id).Select(c => c!.Str("type")),
                Is.EqualTo(new[] { "obstacle.submitted", "obstacle.information_requested", "obstacle.commented", "obstacle.information_provided" }));
        });
    }

    [Test]
    public async Task ACoordinatorsComment_LeavesTheQuestionOpen_AndTheObstacleMayBeDecidedWhileItWaits()
    {
        var id = (await Submit(ReporterA, Obstacle(regulationId: DecreeId))).Str("id");
        await Send(Coordinator.Http, $"/api/v1/obstacles/{id}/request-information", new JsonObject { ["question"] = Question });

        using var reminder = await Coordinator.Http.PostJson($"/api/v1/obstacles/{id}/comments", new JsonObject { ["text"] = "Nhắc lại đề nghị." });
        var stillWaiting = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{id}").ExpectJson(200);
        var rejected = await Transition(Coordinator.Http, id, "reject", Reason("Không đủ cơ sở xác định vướng mắc."));

        Assert.Multiple(() =>
        {
            Assert.That((int)reminder.StatusCode, Is.EqualTo(201));
            Assert.That(stillWaiting.Str("status"), Is.EqualTo("needs_information"));
            Assert.That(rejected.Str("status"), Is.EqualTo("rejected"));
        });
    }

    [Test]
    public async Task AskingAboutAnObstacleAlreadyDecided_Is409NamingItsStatus_AndBadBodiesName_TheirField()
    {
        var id = (await Submit(ReporterA, Obstacle(regulationId: DecreeId))).Str("id");
        await Transition(Coordinator.Http, id, "accept");

        var (conflict, _) = await Send(Coordinator.Http, $"/api/v1/obstacles/{id}/request-information", new JsonObject { ["question"] = Question }, status: 409);
        await Coordinator.Http.PostJson($"/api/v1/obstacles/{id}/request-information", new JsonObject { ["question"] = "  " }).ExpectProblem(400, "question");
        await ReporterA.Http.PostJson($"/api/v1/obstacles/{id}/comments", new JsonObject()).ExpectProblem(400, "text");
        await ReporterA.Http.PostJson($"/api/v1/obstacles/{id}/comments", new JsonObject { ["text"] = new string('x', 4001) }).ExpectProblem(400, "text");
        await Coordinator.Http.GetAsync($"/api/v1/obstacles/{Guid.NewGuid()}/comments").ExpectProblem(404);
        await Coordinator.Http.GetAsync($"/api/v1/obstacles/{id}/comments/{Guid.NewGuid()}").ExpectProblem(404);

        Assert.Multiple(() =>
        {
            Assert.That(conflict.Str("type"), Does.EndWith("illegal-transition"));
            Assert.That(conflict.Str("currentStatus"), Is.EqualTo("accepted"));
            Assert.That(conflict.Str("requestedStatus"), Is.EqualTo("needs_information"));
        });
    }

    [Test]
    public async Task Reports_CountTheObstaclesWaitingForInformation_AndHowLongTheLongestHasWaited()
    {
        var first = (await Submit(ReporterA, Obstacle(regulationId: DecreeId))).Str("id");
        var second = (await Submit(ReporterB, Obstacle(regulationId: DecreeId))).Str("id");
        await Send(Coordinator.Http, $"/api/v1/obstacles/{first}/request-information", new JsonObject { ["question"] = Question });
        Clock.Now = Clock.Now.AddDays(2);
        await Send(Coordinator.Http, $"/api/v1/obstacles/{second}/request-information", new JsonObject { ["question"] = Question });
        Clock.Now = Clock.Now.AddDays(1);

        var report = await Coordinator.Http.GetAsync("/api/v1/reports/progress?period=week").ExpectJson(200);
        var ownReport = await ReporterB.Http.GetAsync("/api/v1/reports/progress?period=week").ExpectJson(200);
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/progress?period=week");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        using var csv = await Coordinator.Http.SendAsync(csvRequest);
        var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(report["obstacles"]!["waitingForInformation"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(report["obstacles"]!["longestWaitDays"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(ownReport["obstacles"]!["waitingForInformation"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(ownReport["obstacles"]!["longestWaitDays"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(rows[0], Does.Contain("obstacles_waiting_for_information,obstacles_longest_wait_days"));
            Assert.That(rows[1], Does.Contain(",2,3,"));
        });
    }

    [Test]
    public async Task AnObstacleWaitingForInformation_StillCountsAsOpen_AndItsThreadIsNeverPublic()
    {
        var id = (await Submit(ReporterA, Obstacle(regulationId: DecreeId))).Str("id");
        await Send(Coordinator.Http, $"/api/v1/obstacles/{id}/request-information", new JsonObject { ["question"] = Question });

        var hotspots = await Coordinator.Http.GetAsync("/api/v1/reports/hotspots").ExpectJson(200);
        var waiting = await Coordinator.Http.GetAsync("/api/v1/obstacles?status=needs_information").ExpectJson(200);
        using var anonymous = Anonymous();
        using var noKey = await anonymous.GetAsync($"/api/v1/obstacles/{id}/comments");
        var site = await anonymous.GetStringAsync("/data/results.json") + await anonymous.GetStringAsync("/api/v1/public/obstacles");

        Assert.Multiple(() =>
        {
            Assert.That(hotspots["regulations"]![0]!["openObstacles"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(Ids(waiting), Is.EqualTo(new[] { id }));
            Assert.That((int)noKey.StatusCode, Is.EqualTo(401));
            Assert.That(site, Does.Not.Contain(Question).And.Not.Contain(id));
        });
    }
}
