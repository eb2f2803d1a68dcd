using System.Net;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Desk;

/// <summary>
/// On the staff pages, the reporting unit's person sees when its report will be answered, and once it is resolved is
/// asked whether it held in practice: it reopens it with a reason from the form; another unit's person is not asked.
/// </summary>
public sealed class ResultDeskTests(DatabaseProvider provider) : DeskTest(provider)
{
    [Test]
    public async Task TheReportingUnit_SeesItsAnswerDay_AndReopensAResolutionThatDidNotHold_FromTheForm()
    {
        var waiting = (await Submit(ReporterA, Obstacle(regulationId: CircularId))).Str("id");
        var id = await AcceptedObstacle(ReporterA);
        await Issue(await SubmittedAmendment(id), IssueBody(NewCircularSymbol()));
        var version = (await ReporterA.Http.GetAsync($"/api/v1/obstacles/{id}").ExpectJson(200))["version"]!.GetValue<long>();
        using var reporter = await SignedIn(ReporterA.UnitId, "Lê Thị Báo Cáo", "reporter");
        using var elsewhere = await SignedIn(ReporterB.UnitId, "Ngô Văn Khác", "reporter");

        var (_, waitingPage) = await reporter.Open($"/desk/obstacles/{waiting}");
        var (_, asked) = await reporter.Open($"/desk/obstacles/{id}");
        var (_, notAsked) = await elsewhere.Open($"/desk/obstacles/{id}");
        using var refused = await reporter.Post($"/desk/obstacles/{id}", $"/desk/obstacles/{id}/reopen", [new("version", $"{version}"), new("reason", "")]);
        using var reopened = await reporter.Post(
            $"/desk/obstacles/{id}", $"/desk/obstacles/{id}/reopen", [new("version", $"{version}"), new("reason", "Sở vẫn yêu cầu bản sao chứng thực.")]);
        var (_, after) = await reporter.Open($"/desk/obstacles/{id}");
        var old = await ReporterA.Http.GetAsync($"/api/v1/obstacles/{id}").ExpectJson(200);
        var history = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{id}/history").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(waitingPage, Does.Contain("Hạn trả lời").And.Contain("17/03/2026"));
            Assert.That(asked, Does.Contain("Chưa xác nhận").And.Contain("01/04/2026").And.Contain($"/desk/obstacles/{id}/reopen"));
            Assert.That(notAsked, Does.Not.Contain($"/desk/obstacles/{id}/reopen").And.Not.Contain($"/desk/obstacles/{id}/confirm"));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a reason is required");
            Assert.That(reopened.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(old["confirmation"]!.Str("state"), Is.EqualTo("reopened"));
            Assert.That(after, Does.Contain($"/desk/obstacles/{old["confirmation"]!.Str("reopenedAsId")}").And.Not.Contain($"/desk/obstacles/{id}/reopen"));
            Assert.That(history["items"]!.AsArray()[^1]!["person"]!.Str("name"), Is.EqualTo("Lê Thị Báo Cáo"), "recorded under the person");
        });
    }
}
