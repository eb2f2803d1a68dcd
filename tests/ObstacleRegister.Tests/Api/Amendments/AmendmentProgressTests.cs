using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>Check-ins and stages, deadline moves and cancellation.</summary>
public sealed class AmendmentProgressTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    [Test]
    public async Task CheckIn_ByTheDraftingUnit_IsStoredAndMovesTheStageForward()
    {
        var id = (await Open()).Str("id");
        Clock.Now = Clock.Now.AddDays(3);

        using var response = await Drafter.Http.PostJson($"/api/v1/amendments/{id}/progress", CheckInBody("drafting"));
        var progress = await response.ExpectJson(201);
        var amendment = await GetAmendment(id);

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/api/v1/amendments/{id}/progress/{progress.Str("id")}"));
            Assert.That(progress.Str("unitId"), Is.EqualTo(DraftingUnitId.ToString()));
            Assert.That(progress.Str("blockers"), Is.EqualTo("Chưa thống nhất với Bộ Tài chính."));
            Assert.That(amendment.Str("status"), Is.EqualTo("drafting"));
            Assert.That(amendment["stages"]![1]!.Str("reachedOn"), Is.EqualTo("2026-03-05"));
            Assert.That(amendment["recentProgress"]![0]!.Str("id"), Is.EqualTo(progress.Str("id")));
            Assert.That(amendment["lastProgressAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Clock.Now));
        });
        var stored = await Drafter.Http.GetAsync(response.Headers.Location).ExpectJson(200);
        Assert.That(stored.Str("note"), Is.EqualTo("Đã hoàn thành dự thảo lần 1."));
    }

    [Test]
    public async Task CheckIn_AtTheSameStage_KeepsTheStage()
    {
        var id = (await Open()).Str("id");
        await CheckIn(id, "drafting");

        await CheckIn(id, null);
        await CheckIn(id, "drafting");

        var page = await Drafter.Http.GetAsync($"/api/v1/amendments/{id}/progress?limit=2").ExpectJson(200);
        Assert.Multiple(async () =>
        {
            Assert.That((await GetAmendment(id)).Str("status"), Is.EqualTo("drafting"));
            Assert.That(page["items"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(page["nextCursor"], Is.Not.Null);
        });
    }

    [Test]
    public async Task CheckIn_GoingBack_Returns409()
    {
        var id = (await Open()).Str("id");
        await AdvanceTo(id, "consultation");

        var problem = await CheckIn(id, "drafting", status: 409);

        Assert.Multiple(() =>
        {
            Assert.That(problem.Str("type"), Does.EndWith("illegal-transition"));
            Assert.That(problem.Str("currentStatus"), Is.EqualTo("consultation"));
            Assert.That(problem.Str("detail"), Does.Contain("forward only"));
        });
    }

    [Test]
    public async Task CheckIn_SkippingConsultationInTheStandardProcedure_Returns409()
    {
        var id = (await Open()).Str("id");
        await CheckIn(id, "drafting");

        var problem = await CheckIn(id, "submitted", status: 409);

        Assert.That(problem.Str("detail"), Does.Contain("consultation"));
    }

    [Test]
    public async Task CheckIn_ShortenedProcedure_MaySkipConsultationAndAppraisal()
    {
        var body = OpenBody();
        body["shortenedProcedure"] = true;
        var id = (await Open(body)).Str("id");
        await CheckIn(id, "drafting");

        await CheckIn(id, "submitted");

        var amendment = await GetAmendment(id);
        Assert.Multiple(() =>
        {
            Assert.That(amendment.Str("status"), Is.EqualTo("submitted"));
            Assert.That(amendment["stages"]![2]!["reachedOn"], Is.Null, "consultation was skipped");
        });
    }

    [Test]
    public async Task CheckIn_ShortenedProcedure_StillNeedsDrafting()
    {
        var body = OpenBody();
        body["shortenedProcedure"] = true;
        var id = (await Open(body)).Str("id");

        await CheckIn(id, "submitted", status: 409);
    }

    [Test]
    public async Task CheckIn_ReportingIssuedOrCancelled_Returns400NamingStage()
    {
        var id = (await Open()).Str("id");

        var issued = await CheckIn(id, "issued", status: 400);
        var cancelled = await CheckIn(id, "cancelled", status: 400);

        Assert.Multiple(() =>
        {
            Assert.That(issued["errors"]!.AsObject().ContainsKey("stage"), Is.True);
            Assert.That(cancelled["errors"]!.AsObject().ContainsKey("stage"), Is.True);
        });
    }

    [Test]
    public async Task CheckIn_WithoutNote_Returns400NamingNote()
    {
        var id = (await Open()).Str("id");

        var (problem, _) = await Send(Drafter.Http, $"/api/v1/amendments/{id}/progress", new JsonObject { ["stage"] = "drafting" }, status: 400);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "note" }));
    }

    [Test]
    public async Task CheckIn_ByDrafterOfAnotherUnit_Returns403AndRecordsNothing()
    {
        var id = (await Open()).Str("id");

        await CheckIn(id, "drafting", status: 403, drafter: OtherDrafter);

        var amendment = await GetAmendment(id);
        Assert.Multiple(() =>
        {
            Assert.That(amendment.Str("status"), Is.EqualTo("planned"));
            Assert.That(amendment["recentProgress"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task CheckIn_ByCoordinatorOrReporter_Returns403()
    {
        var id = (await Open()).Str("id");

        await Send(Coordinator.Http, $"/api/v1/amendments/{id}/progress", CheckInBody("drafting"), status: 403);
        await Send(ReporterA.Http, $"/api/v1/amendments/{id}/progress", CheckInBody("drafting"), status: 403);
    }

    [Test]
    public async Task CheckIn_OnUnknownAmendment_Returns404()
    {
        await Send(Drafter.Http, $"/api/v1/amendments/{Guid.NewGuid()}/progress", CheckInBody("drafting"), status: 404);
    }

    [Test]
    public async Task MoveDeadline_KeepsEveryDueDateWithReasonAndWho()
    {
        var id = (await Open()).Str("id");

        var (amendment, etag) = await Send(Coordinator.Http, $"/api/v1/amendments/{id}/deadline",
            new JsonObject { ["dueOn"] = "2026-06-30", ["reason"] = "Chờ Luật sửa đổi được thông qua." }, ifMatch: "\"1\"");

        var deadlines = amendment["deadlines"]!.AsArray();
        Assert.Multiple(async () =>
        {
            Assert.That(etag, Is.EqualTo("\"2\""));
            Assert.That(amendment.Str("dueOn"), Is.EqualTo("2026-06-30"));
            Assert.That(amendment.Str("originalDueOn"), Is.EqualTo("2026-04-30"));
            Assert.That(deadlines, Has.Count.EqualTo(2));
            Assert.That(deadlines[1]!.Str("previousDueOn"), Is.EqualTo("2026-04-30"));
            Assert.That(deadlines[1]!.Str("reason"), Is.EqualTo("Chờ Luật sửa đổi được thông qua."));
            Assert.That(deadlines[1]!.Str("keyId"), Is.EqualTo(Coordinator.KeyId.ToString()));
            var history = await Coordinator.Http.GetAsync($"/api/v1/amendments/{id}/history").ExpectJson(200);
            Assert.That(history["items"]!.AsArray()[^1]!.Str("detail"), Is.EqualTo("Due 2026-04-30 → 2026-06-30: Chờ Luật sửa đổi được thông qua."));
            Assert.That(history["items"]!.AsArray()[^1]!.Str("detailCode"), Is.EqualTo("deadline_moved"));
            Assert.That(history["items"]!.AsArray()[^1]!.Str("keyName"), Is.EqualTo("test key"));
            Assert.That(deadlines[0]!.Str("reason"), Is.EqualTo("Set when the amendment was opened."));
            Assert.That(deadlines[0]!.Str("reasonCode"), Is.EqualTo("opened"));
            Assert.That(deadlines[1]!["reasonCode"], Is.Null, "the coordinator's own words");
        });
    }

    [Test]
    public async Task MoveDeadline_ToTheSameDateOrWithoutReason_Returns400()
    {
        var id = (await Open()).Str("id");

        var same = (await Send(Coordinator.Http, $"/api/v1/amendments/{id}/deadline",
            new JsonObject { ["dueOn"] = "2026-04-30", ["reason"] = "Không đổi." }, status: 400)).Body;
        var noReason = (await Send(Coordinator.Http, $"/api/v1/amendments/{id}/deadline",
            new JsonObject { ["dueOn"] = "2026-05-30" }, status: 400)).Body;

        Assert.Multiple(() =>
        {
            Assert.That(same["errors"]!.AsObject().ContainsKey("dueOn"), Is.True);
            Assert.That(noReason["errors"]!.AsObject().ContainsKey("reason"), Is.True);
        });
    }

    [TestCase("deadline")]
    [TestCase("obstacles")]
    [TestCase("cancel")]
    public async Task CoordinatorOnlyChanges_ByTheDraftingUnitOrAReporter_Return403AndChangeNothing(string action)
    {
        var id = (await Open()).Str("id");
        var obstacle = await AcceptedObstacle(ReporterA);
        var body = new JsonObject { ["dueOn"] = "2026-06-30", ["reason"] = "Xin lùi.", ["obstacleIds"] = new JsonArray(obstacle) };

        await Send(Drafter.Http, $"/api/v1/amendments/{id}/{action}", body.DeepClone(), status: 403);
        await Send(ReporterA.Http, $"/api/v1/amendments/{id}/{action}", body.DeepClone(), status: 403);

        using var after = await Coordinator.Http.GetAsync($"/api/v1/amendments/{id}");
        Assert.Multiple(async () =>
        {
            Assert.That(after.Headers.ETag!.Tag, Is.EqualTo("\"1\""), "the amendment did not change");
            Assert.That(await ObstacleStatus(obstacle), Is.EqualTo("accepted"));
        });
    }

    [Test]
    public async Task Cancel_ReturnsObstaclesToAcceptedWithTheReason()
    {
        var obstacle = await AcceptedObstacle(ReporterA);
        var id = (await Open(OpenBody(obstacle))).Str("id");
        await CheckIn(id, "drafting");

        var (amendment, _) = await Send(Coordinator.Http, $"/api/v1/amendments/{id}/cancel", new JsonObject { ["reason"] = "Xử lý bằng văn bản hướng dẫn." });

        var history = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{obstacle}/history").ExpectJson(200);
        Assert.Multiple(async () =>
        {
            Assert.That(amendment.Str("status"), Is.EqualTo("cancelled"));
            Assert.That(amendment.Str("cancellationReason"), Is.EqualTo("Xử lý bằng văn bản hướng dẫn."));
            Assert.That(amendment["overdue"]!.GetValue<bool>(), Is.False);
            Assert.That(await ObstacleStatus(obstacle), Is.EqualTo("accepted"));
            Assert.That(history["items"]!.AsArray()[^1]!.Str("action"), Is.EqualTo("released_from_amendment"));
            Assert.That(history["items"]!.AsArray()[^1]!.Str("reason"), Does.Contain("Xử lý bằng văn bản hướng dẫn."));
        });
    }

    [Test]
    public async Task Cancel_ThenTheObstacleCanBeTakenOnByAnotherAmendment()
    {
        var obstacle = await AcceptedObstacle(ReporterA);
        var id = (await Open(OpenBody(obstacle))).Str("id");
        await Send(Coordinator.Http, $"/api/v1/amendments/{id}/cancel", new JsonObject { ["reason"] = "Mở lại với phạm vi rộng hơn." });

        var second = await Open(OpenBody(obstacle));

        Assert.That(second["obstacles"]![0]!.Str("status"), Is.EqualTo("in_amendment"));
    }

    [Test]
    public async Task Cancelled_RefusesCheckInsDeadlineMovesLinksAndASecondCancel()
    {
        var id = (await Open()).Str("id");
        await Send(Coordinator.Http, $"/api/v1/amendments/{id}/cancel", new JsonObject { ["reason"] = "Không còn cần thiết." });
        var obstacle = await AcceptedObstacle(ReporterA);

        await CheckIn(id, "drafting", status: 409);
        await Send(Coordinator.Http, $"/api/v1/amendments/{id}/deadline", new JsonObject { ["dueOn"] = "2026-06-30", ["reason"] = "Lùi." }, status: 409);
        await Send(Coordinator.Http, $"/api/v1/amendments/{id}/obstacles", new JsonObject { ["obstacleIds"] = new JsonArray(obstacle) }, status: 409);
        var problem = (await Send(Coordinator.Http, $"/api/v1/amendments/{id}/cancel", new JsonObject { ["reason"] = "Lần nữa." }, status: 409)).Body;

        Assert.That(problem.Str("currentStatus"), Is.EqualTo("cancelled"));
    }

    [Test]
    public async Task Cancel_WithoutReason_Returns400()
    {
        var id = (await Open()).Str("id");

        var (problem, _) = await Send(Coordinator.Http, $"/api/v1/amendments/{id}/cancel", new JsonObject(), status: 400);

        Assert.That(problem["errors"]!.AsObject().ContainsKey("reason"), Is.True);
    }
}
