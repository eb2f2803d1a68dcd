using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

public sealed class OpenAmendmentTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    [Test]
    public async Task Open_ReturnsCreatedWithLocationETagAndLinkedObstaclesInAmendment()
    {
        var first = await AcceptedObstacle(ReporterA);
        var second = await AcceptedObstacle(ReporterB);

        using var response = await Coordinator.Http.PostJson("/api/v1/amendments", OpenBody(first, second));
        var amendment = await response.ExpectJson(201);

        Assert.Multiple(async () =>
        {
            Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/api/v1/amendments/{amendment.Str("id")}"));
            Assert.That(response.Headers.ETag!.Tag, Is.EqualTo("\"1\""));
            Assert.That(amendment["version"]!.GetValue<long>(), Is.EqualTo(1), "the body carries the version its ETag names");
            Assert.That(amendment.Str("status"), Is.EqualTo("planned"));
            Assert.That(amendment["responsibleOfficial"]!.Str("position"), Is.EqualTo("Thứ trưởng"));
            Assert.That(amendment["draftingUnit"]!.Str("id"), Is.EqualTo(DraftingUnitId.ToString()));
            Assert.That(amendment["regulation"]!.Str("id"), Is.EqualTo(CircularId));
            Assert.That(amendment["obstacles"]!.AsArray().Select(o => o!.Str("status")), Is.EqualTo(new[] { "in_amendment", "in_amendment" }));
            Assert.That(amendment["deadlines"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(amendment["stages"]![0]!.Str("reachedOn"), Is.EqualTo("2026-03-02"));
            Assert.That(await ObstacleStatus(first), Is.EqualTo("in_amendment"));
            Assert.That(await ObstacleStatus(second), Is.EqualTo("in_amendment"));
        });
    }

    [Test]
    public async Task Open_LinkingAnObstacle_RecordsItInTheObstaclesHistory()
    {
        var obstacle = await AcceptedObstacle(ReporterA);
        var amendment = await Open(OpenBody(obstacle));

        var history = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{obstacle}/history").ExpectJson(200);

        var last = history["items"]!.AsArray()[^1]!;
        Assert.Multiple(() =>
        {
            Assert.That(last.Str("action"), Is.EqualTo("linked_to_amendment"));
            Assert.That(last.Str("to"), Is.EqualTo("in_amendment"));
            Assert.That(last.Str("relatedId"), Is.EqualTo(amendment.Str("id")));
            Assert.That(last.Str("keyId"), Is.EqualTo(Coordinator.KeyId.ToString()));
        });
    }

    [Test]
    public async Task Obstacle_TakenOnByAnAmendment_ShowsItEvenInThePublicView()
    {
        var obstacle = await AcceptedObstacle(ReporterA);
        var before = await ReporterB.Http.GetAsync($"/api/v1/obstacles/{obstacle}").ExpectJson(200);
        var amendment = await Open(OpenBody(obstacle));

        var seenByAnotherUnit = await ReporterB.Http.GetAsync($"/api/v1/obstacles/{obstacle}").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(before["amendment"], Is.Null);
            Assert.That(seenByAnotherUnit.Str("visibility"), Is.EqualTo("public"));
            Assert.That(seenByAnotherUnit["amendment"]!.Str("id"), Is.EqualTo(amendment.Str("id")));
            Assert.That(seenByAnotherUnit["amendment"]!.Str("status"), Is.EqualTo("planned"));
            Assert.That(seenByAnotherUnit["amendment"]!.Str("dueOn"), Is.EqualTo("2026-04-30"));
        });
    }

    [Test]
    public async Task Open_WithAnObstacleNotYetAccepted_Returns409AndOpensNothing()
    {
        var accepted = await AcceptedObstacle(ReporterA);
        var submitted = (await Submit(ReporterB, Obstacle(regulationId: CircularId))).Str("id");

        var problem = await Coordinator.Http.PostJson("/api/v1/amendments", OpenBody(accepted, submitted)).ExpectProblem(409);

        Assert.Multiple(async () =>
        {
            Assert.That(problem.Str("type"), Does.EndWith("illegal-transition"));
            Assert.That(problem.Str("currentStatus"), Is.EqualTo("submitted"));
            Assert.That(await ObstacleStatus(accepted), Is.EqualTo("accepted"), "one request, one transaction");
            var list = await Coordinator.Http.GetAsync($"/api/v1/amendments?regulationId={CircularId}").ExpectJson(200);
            Assert.That(list["items"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task Open_WithAnObstacleAlreadyInAnotherAmendment_Returns409()
    {
        var obstacle = await AcceptedObstacle(ReporterA);
        await Open(OpenBody(obstacle));

        var problem = await Coordinator.Http.PostJson("/api/v1/amendments", OpenBody(obstacle)).ExpectProblem(409);

        Assert.That(problem.Str("currentStatus"), Is.EqualTo("in_amendment"));
    }

    [Test]
    public async Task Open_WithUnknownObstacle_Returns400NamingItsPosition()
    {
        var obstacle = await AcceptedObstacle(ReporterA);

        var problem = await Coordinator.Http.PostJson("/api/v1/amendments", OpenBody(obstacle, Guid.NewGuid().ToString())).ExpectProblem(400);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "obstacleIds[1]" }));
    }

    [Test]
    public async Task Open_MissingFields_ReportsEachField()
    {
        var problem = await Coordinator.Http.PostJson("/api/v1/amendments", new JsonObject { ["responsibleOfficial"] = new JsonObject() }).ExpectProblem(400);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[]
        {
            "regulationId", "kind", "title", "draftingUnitId", "responsibleOfficial.name", "responsibleOfficial.position", "dueOn",
        }));
    }

    [Test]
    public async Task Open_PlannedDatesOutOfOrderOrAfterTheDueDate_Returns400NamingTheStage()
    {
        var body = OpenBody();
        body["plannedDates"] = new JsonObject { ["drafting"] = "2026-04-01", ["consultation"] = "2026-03-20", ["submitted"] = "2026-05-15" };

        var problem = await Coordinator.Http.PostJson("/api/v1/amendments", body).ExpectProblem(400);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "plannedDates.consultation", "plannedDates.submitted" }));
    }

    [Test]
    public async Task Open_UnknownKind_Returns400NamingKind()
    {
        var body = OpenBody();
        body["kind"] = "rewrite";

        var problem = await Coordinator.Http.PostJson("/api/v1/amendments", body).ExpectProblem(400);

        Assert.That(problem["errors"]!.AsObject().ContainsKey("kind"), Is.True);
    }

    [Test]
    public async Task Open_UnknownRegulationOrUnit_Returns400NamingTheField()
    {
        var noRegulation = OpenBody();
        noRegulation["regulationId"] = Guid.NewGuid().ToString();
        var noUnit = OpenBody();
        noUnit["draftingUnitId"] = Guid.NewGuid().ToString();

        var regulationProblem = await Coordinator.Http.PostJson("/api/v1/amendments", noRegulation).ExpectProblem(400);
        var unitProblem = await Coordinator.Http.PostJson("/api/v1/amendments", noUnit).ExpectProblem(400);

        Assert.Multiple(() =>
        {
            Assert.That(regulationProblem["errors"]!.AsObject().ContainsKey("regulationId"), Is.True);
            Assert.That(unitProblem["errors"]!.AsObject().ContainsKey("draftingUnitId"), Is.True);
        });
    }

    [Test]
    public async Task Open_DueDateInThePast_IsRegisteredAsAlreadyLate()
    {
        var body = OpenBody();
        body["dueOn"] = "2026-02-20";

        var amendment = await Open(body);

        Assert.Multiple(() =>
        {
            Assert.That(amendment["overdue"]!.GetValue<bool>(), Is.True);
            Assert.That(amendment["daysOverdue"]!.GetValue<int>(), Is.EqualTo(10));
        });
    }

    [Test]
    public async Task Open_ByReporterOrDrafter_Returns403()
    {
        await ReporterA.Http.PostJson("/api/v1/amendments", OpenBody()).ExpectProblem(403);
        await Drafter.Http.PostJson("/api/v1/amendments", OpenBody()).ExpectProblem(403);
    }

    [Test]
    public async Task Open_RepeatedWithTheSameIdempotencyKey_OpensOnce()
    {
        var obstacle = await AcceptedObstacle(ReporterA);
        var key = Guid.NewGuid().ToString();

        var first = await PostWithKey(OpenBody(obstacle), key).ExpectJson(201);
        var second = await PostWithKey(OpenBody(obstacle), key).ExpectJson(201);

        Assert.That(second.Str("id"), Is.EqualTo(first.Str("id")));
    }

    [Test]
    public async Task LinkObstacles_ToAnOpenAmendment_MovesThemInAndRecordsIt()
    {
        var amendment = await Open();
        var obstacle = await AcceptedObstacle(ReporterB);

        var (linked, etag) = await Send(Coordinator.Http, $"/api/v1/amendments/{amendment.Str("id")}/obstacles",
            new JsonObject { ["obstacleIds"] = new JsonArray(obstacle) }, ifMatch: "\"1\"");

        Assert.Multiple(async () =>
        {
            Assert.That(etag, Is.EqualTo("\"2\""));
            Assert.That(linked["obstacles"]!.AsArray().Select(o => o!.Str("id")), Is.EqualTo(new[] { obstacle }));
            Assert.That(await ObstacleStatus(obstacle), Is.EqualTo("in_amendment"));
            var history = await Coordinator.Http.GetAsync($"/api/v1/amendments/{amendment.Str("id")}/history").ExpectJson(200);
            Assert.That(Actions(history), Is.EqualTo(new[] { "opened", "obstacles_linked" }));
        });
    }

    [Test]
    public async Task LinkObstacles_WithStaleETag_Returns412()
    {
        var amendment = await Open();
        var obstacle = await AcceptedObstacle(ReporterB);

        await Send(Coordinator.Http, $"/api/v1/amendments/{amendment.Str("id")}/obstacles",
            new JsonObject { ["obstacleIds"] = new JsonArray(obstacle) }, ifMatch: "\"7\"", status: 412);

        Assert.That(await ObstacleStatus(obstacle), Is.EqualTo("accepted"));
    }

    [Test]
    public async Task LinkObstacles_EmptyOrRepeatedList_Returns400()
    {
        var amendment = await Open();
        var obstacle = await AcceptedObstacle(ReporterB);
        var path = $"/api/v1/amendments/{amendment.Str("id")}/obstacles";

        await Send(Coordinator.Http, path, new JsonObject { ["obstacleIds"] = new JsonArray() }, status: 400);
        await Send(Coordinator.Http, path, new JsonObject { ["obstacleIds"] = new JsonArray(obstacle, obstacle) }, status: 400);
    }

    private async Task<HttpResponseMessage> PostWithKey(JsonObject body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/amendments") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await Coordinator.Http.SendAsync(request);
    }
}
