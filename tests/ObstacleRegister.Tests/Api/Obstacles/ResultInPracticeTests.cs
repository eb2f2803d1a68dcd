using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Amendments;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Obstacles;

/// <summary>
/// After a document in force resolves an obstacle, its reporting unit says whether it is gone in practice: confirmed,
/// or reopened as a new obstacle linked to the old one and to the document that did not remove it. Said once, by that
/// unit only; the public results show which.
/// </summary>
public sealed class ResultInPracticeTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    [Test]
    public async Task TheReportingUnit_ConfirmsAResolution_Once_AndThePublicResultsSaySo()
    {
        var (id, _) = await Resolved();
        var pending = (await ReporterA.Http.GetAsync($"/api/v1/obstacles/{id}").ExpectJson(200))["confirmation"]!;
        await ReporterB.Http.PostJson($"/api/v1/obstacles/{id}/confirm", new JsonObject()).ExpectProblem(403);
        await Send(ReporterA.Http, $"/api/v1/obstacles/{id}/confirm", new JsonObject(), "\"1\"", status: 412);

        var confirmed = (await Send(ReporterA.Http, $"/api/v1/obstacles/{id}/confirm", new JsonObject { ["note"] = "Đã áp dụng từ tháng 3." })).Body;
        var again = await ReporterA.Http.PostJson($"/api/v1/obstacles/{id}/reopen", new JsonObject { ["reason"] = "Vẫn còn." }).ExpectProblem(409);
        var history = Actions(await Coordinator.Http.GetAsync($"/api/v1/obstacles/{id}/history").ExpectJson(200));
        var published = (await Anonymous().GetAsync("/data/results.json").ExpectJson(200))["resolved"]!["items"]!.AsArray().Single(o => o!.Str("id") == id)!;

        Assert.Multiple(() =>
        {
            Assert.That(pending.Str("state"), Is.EqualTo("pending"));
            Assert.That(pending.Str("confirmBy"), Is.EqualTo("2026-04-01"), "30 days after the resolution on 2026-03-02");
            Assert.That(confirmed.Str("status"), Is.EqualTo("resolved"), "the outcome does not change the status");
            Assert.That(confirmed["confirmation"]!.Str("state"), Is.EqualTo("confirmed"));
            Assert.That(confirmed["confirmation"]!["at"], Is.Not.Null);
            Assert.That(again.Str("detail"), Does.Contain("already confirmed"));
            Assert.That(history.Last(), Is.EqualTo("confirmed"));
            Assert.That(published.Str("confirmation"), Is.EqualTo("confirmed"));
        });
    }

    [Test]
    public async Task ANotRemovedObstacle_IsReopenedAsANewReport_LinkedToTheOldOneAndTheDocument()
    {
        var (id, symbol) = await Resolved();
        var old = await ReporterA.Http.GetAsync($"/api/v1/obstacles/{id}").ExpectJson(200);
        await ReporterA.Http.PostJson($"/api/v1/obstacles/{id}/reopen", new JsonObject()).ExpectProblem(400, "reason");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/obstacles/{id}/reopen")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new JsonObject { ["reason"] = "Sở vẫn yêu cầu bản sao chứng thực theo hướng dẫn cũ." }),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{old["version"]!.GetValue<long>()}\""));
        using var response = await ReporterA.Http.SendAsync(request);
        var reopened = await response.ExpectJson(201);
        var newId = reopened.Str("id");
        var before = await ReporterA.Http.GetAsync($"/api/v1/obstacles/{id}").ExpectJson(200);
        var feed = (await Coordinator.Http.GetAsync("/api/v1/changes?limit=200").ExpectJson(200))["items"]!.AsArray().Select(c => $"{c!.Str("type")} {c!.Str("resourceId")}");
        var accepted = await Transition(Coordinator.Http, newId, "accept");

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/obstacles/{newId}"));
            Assert.That(reopened.Str("status"), Is.EqualTo("submitted"));
            Assert.That(reopened.Str("reference"), Is.Not.EqualTo(old.Str("reference")));
            Assert.That((reopened.Str("title"), reopened.Str("description")), Is.EqualTo((old.Str("title"), old.Str("description"))));
            Assert.That(reopened["regulations"]!.ToJsonString(), Is.EqualTo(old["regulations"]!.ToJsonString()));
            Assert.That(reopened["reopenedFrom"]!.Str("id"), Is.EqualTo(id));
            Assert.That(reopened["reopenedFrom"]!.Str("reference"), Is.EqualTo(old.Str("reference")));
            Assert.That(reopened["reopenedFrom"]!.Str("documentSymbol"), Is.EqualTo(symbol));
            Assert.That(reopened.Str("answerDueOn"), Is.EqualTo("2026-03-17"), "the coordinators' clock starts again");
            Assert.That(before.Str("status"), Is.EqualTo("resolved"));
            Assert.That(before["confirmation"]!.Str("state"), Is.EqualTo("reopened"));
            Assert.That(before["confirmation"]!.Str("reopenedAsId"), Is.EqualTo(newId));
            Assert.That(feed, Does.Contain($"obstacle.reopened {id}").And.Contain($"obstacle.submitted {newId}"));
            Assert.That(accepted.Str("status"), Is.EqualTo("accepted"));
        });
    }

    [Test]
    public async Task OnlyAResolvedObstacle_CanBeConfirmedOrReopened()
    {
        var id = (await Submit(ReporterA, Obstacle(regulationId: CircularId))).Str("id");

        var problem = await ReporterA.Http.PostJson($"/api/v1/obstacles/{id}/reopen", new JsonObject { ["reason"] = "Vẫn còn." }).ExpectProblem(409);

        Assert.Multiple(() =>
        {
            Assert.That(problem.Str("type"), Does.EndWith("illegal-transition"));
            Assert.That(problem.Str("currentStatus"), Is.EqualTo("submitted"));
        });
    }

    /// <summary>ReporterA's obstacle, resolved today (2026-03-02) by a circular in force; its id and the circular's symbol.</summary>
    private async Task<(string Id, string Symbol)> Resolved()
    {
        var id = await AcceptedObstacle(ReporterA);
        var symbol = NewCircularSymbol();
        await Issue(await SubmittedAmendment(id), IssueBody(symbol));
        return (id, symbol);
    }
}
