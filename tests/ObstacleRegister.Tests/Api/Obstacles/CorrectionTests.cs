using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Obstacles;

/// <summary>The reporting unit corrects its report with a JSON merge patch while it is submitted or waits for information.</summary>
public sealed class CorrectionTests(DatabaseProvider provider) : ObstacleTest(provider)
{
    [Test]
    public async Task APatch_ChangesTheFieldsItNames_RecordsEachWithBeforeAndAfter_AndFollowsInSearchAndHotspots()
    {
        var otherDecree = (await Coordinator.Http.PostJson("/api/v1/regulations", new JsonObject
        {
            ["symbol"] = $"{Unique()}/2022/NĐ-CP", ["type"] = "decree", ["title"] = "Nghị định về tần số vô tuyến", ["issuer"] = "Chính phủ", ["issuedOn"] = "2022-05-10",
        }).ExpectJson(201)).Str("id");
        var id = (await Submit(ReporterA, Obstacle("Quy định chồng chéo về cấp phép", regulationId: DecreeId))).Str("id");
        var patch = new JsonObject
        {
            ["title"] = "Thời hạn cấp phép tần số không thống nhất", ["severity"] = "critical", ["impact"] = null,
            ["regulations"] = new JsonArray(new JsonObject { ["regulationId"] = otherDecree, ["provision"] = "Điều 12, khoản 1" }),
        };

        using var response = await Patch(ReporterA.Http, id, patch, "\"1\"");
        var corrected = await response.ExpectJson(200);
        var history = await ReporterA.Http.GetAsync($"/api/v1/obstacles/{id}/history").ExpectJson(200);
        var foundByNewWords = await Coordinator.Http.GetAsync("/api/v1/obstacles?q=tan so khong thong nhat").ExpectJson(200);
        var foundByOldWords = await Coordinator.Http.GetAsync("/api/v1/obstacles?q=chong cheo ve cap phep").ExpectJson(200);
        var hotspots = await Coordinator.Http.GetAsync("/api/v1/reports/hotspots").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.ETag!.Tag, Is.EqualTo("\"2\""));
            Assert.That(corrected.Str("title"), Is.EqualTo("Thời hạn cấp phép tần số không thống nhất"));
            Assert.That(corrected.Str("severity"), Is.EqualTo("critical"));
            Assert.That(corrected["impact"], Is.Null, "null removes an optional field");
            Assert.That(corrected.Str("description"), Is.EqualTo(Obstacle().Str("description")), "what the patch does not name stays");
            Assert.That(corrected["regulations"]!.AsArray().Select(r => (r!.Str("regulationId"), r!.Str("provision"))),
                Is.EqualTo(new[] { (otherDecree, "Điều 12, khoản 1") }));
            var corrections = history["items"]!.AsArray().Where(e => e!.Str("action") == "corrected").Select(e => e!.Str("reason")).ToList();
            Assert.That(corrections, Has.Count.EqualTo(4));
            Assert.That(corrections, Does.Contain("title corrected: “Quy định chồng chéo về cấp phép” → “Thời hạn cấp phép tần số không thống nhất”"));
            Assert.That(corrections, Does.Contain("severity corrected: “high” → “critical”"));
            Assert.That(corrections.Single(c => c.StartsWith("regulations", StringComparison.Ordinal)), Does.Contain("Điều 5, khoản 2").And.Contain("Điều 12, khoản 1"));
            Assert.That(Ids(foundByNewWords), Is.EqualTo(new[] { id }), "the search text follows the title");
            Assert.That(Ids(foundByOldWords), Is.Empty);
            Assert.That(hotspots["regulations"]!.AsArray().Select(r => (r!["regulation"]!.Str("id"), r!["openObstacles"]!.GetValue<int>())),
                Is.EqualTo(new[] { (otherDecree, 1) }), "the open count moved to the newly cited decree");
        });
    }

    [Test]
    public async Task ACorrection_OfAnObstacleThatNeedsInformation_AnswersIt_AndAContactCorrectionStaysPrivate()
    {
        var id = (await Submit(ReporterA, Obstacle(regulationId: DecreeId))).Str("id");
        Clock.Now = Clock.Now.AddMinutes(1);
        await Send(Coordinator.Http, $"/api/v1/obstacles/{id}/request-information", new JsonObject { ["question"] = "Đề nghị cho biết người đầu mối." });
        Clock.Now = Clock.Now.AddMinutes(1);

        using var response = await Patch(ReporterA.Http, id, new JsonObject { ["contact"] = "Lê Văn D, 0987 654 321" });
        var corrected = await response.ExpectJson(200);
        var own = await ReporterA.Http.GetAsync($"/api/v1/obstacles/{id}/history").ExpectJson(200);
        var foreign = await ReporterB.Http.GetAsync($"/api/v1/obstacles/{id}/history").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(corrected.Str("status"), Is.EqualTo("submitted"), "the correction answers the question");
            // The correction and the answer it makes share one instant on the test clock: their order within it is not asserted.
            Assert.That(own["items"]!.AsArray().Select(e => e!.Str("action")).Take(2), Is.EqualTo(new[] { "submitted", "information_requested" }));
            Assert.That(own["items"]!.AsArray().Select(e => e!.Str("action")).Skip(2), Is.EquivalentTo(new[] { "corrected", "information_provided" }));
            Assert.That(own.ToJsonString(), Does.Contain("0987 654 321"), "the reporting unit reads the values");
            Assert.That(foreign.ToJsonString(), Does.Not.Contain("0987 654 321").And.Not.Contain("0243 943 0000"));
            Assert.That(foreign["items"]!.AsArray().Single(e => e!.Str("action") == "corrected")!.Str("reason"), Is.EqualTo("contact corrected."));
        });
    }

    [Test]
    public async Task OnlyTheReportingUnitsReporters_CorrectAnOpenReport_WithTheIntakesRules()
    {
        var id = (await Submit(ReporterA, Obstacle(regulationId: DecreeId))).Str("id");
        var drafter = await CreateKey(ReporterA.UnitId, "drafter");

        using var foreign = await Patch(ReporterB.Http, id, new JsonObject { ["title"] = "Sửa bởi đơn vị khác" });
        using var notAReporter = await Patch(drafter.Http, id, new JsonObject { ["title"] = "Sửa bởi người soạn thảo" });
        using var stale = await Patch(ReporterA.Http, id, new JsonObject { ["title"] = "Sửa muộn" }, "\"7\"");
        var emptyTitle = await (await Patch(ReporterA.Http, id, new JsonObject { ["title"] = null })).ExpectJson(400);
        var unknownField = await (await Patch(ReporterA.Http, id, new JsonObject { ["status"] = "accepted" })).ExpectJson(400);
        var unknownRegulation = await (await Patch(ReporterA.Http, id, new JsonObject
        {
            ["regulations"] = new JsonArray(new JsonObject { ["regulationId"] = Guid.NewGuid().ToString(), ["provision"] = "Điều 1" }),
        })).ExpectJson(400);
        using var notMergePatch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/obstacles/{id}") { Content = new StringContent("title=x", Encoding.UTF8, "text/plain") };
        using var wrongType = await ReporterA.Http.SendAsync(notMergePatch);
        var unchanged = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{id}").ExpectJson(200);
        await Transition(Coordinator.Http, id, "accept");
        var (decided, _) = await SendPatch(ReporterA.Http, id, new JsonObject { ["title"] = "Sửa sau khi chấp nhận" }, 409);

        Assert.Multiple(() =>
        {
            Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(notAReporter.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
            Assert.That(emptyTitle["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "title" }));
            Assert.That(unknownField["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "status" }));
            Assert.That(unknownRegulation["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "regulations[0].regulationId" }));
            Assert.That(wrongType.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
            Assert.That(unchanged.Str("title"), Is.EqualTo(Obstacle().Str("title")));
            Assert.That(unchanged["version"]!.GetValue<long>(), Is.EqualTo(1), "no refused patch wrote anything");
            Assert.That(decided.Str("currentStatus"), Is.EqualTo("accepted"));
        });
    }

    private static async Task<HttpResponseMessage> Patch(HttpClient client, string id, JsonObject patch, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/obstacles/{id}")
        {
            Content = new StringContent(patch.ToJsonString(), Encoding.UTF8, "application/merge-patch+json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return await client.SendAsync(request);
    }

    private static async Task<(JsonNode Body, HttpStatusCode Status)> SendPatch(HttpClient client, string id, JsonObject patch, int status)
    {
        using var response = await Patch(client, id, patch);
        return (await response.ExpectJson(status), response.StatusCode);
    }
}
