using System.Net;
using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Amendments;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Desk;

/// <summary>
/// The desk's counts lead to lists with addresses: the obstacles and the amendments filtered as the count was,
/// a page at a time, with the filter as a form; a filter the API refuses is a 400 page naming the field.
/// </summary>
public sealed class DeskListTests(DatabaseProvider provider) : DeskTest(provider)
{
    [Test]
    public async Task TheReportersQuestions_LinkToTheirList_OfTheirUnitOnly()
    {
        var asked = (await Submit(ReporterA, Obstacle(regulationId: CircularId))).Str("id");
        var waiting = (await Submit(ReporterA, Obstacle(regulationId: CircularId))).Str("id");
        var elsewhere = (await Submit(ReporterB, Obstacle(regulationId: CircularId))).Str("id");
        await Transition(Coordinator.Http, asked, "request-information", new JsonObject { ["question"] = "Xin bổ sung số liệu?" });
        await Transition(Coordinator.Http, elsewhere, "request-information", new JsonObject { ["question"] = "Xin bổ sung số liệu?" });
        using var reporter = await SignedIn(ReporterA.UnitId, "Lê Thị Báo Cáo", "reporter");

        var (_, desk) = await reporter.Open("/desk");
        var questionsLink = $"/desk/obstacles?status=needs_information&amp;unitId={ReporterA.UnitId}";
        var (status, questions) = await reporter.Open(System.Net.WebUtility.HtmlDecode(questionsLink));

        Assert.Multiple(() =>
        {
            Assert.That(desk, Does.Contain($"href=\"{questionsLink}\""), "the count of questions links to their list");
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(questions, Does.Contain($"/desk/obstacles/{asked}"));
            Assert.That(questions, Does.Not.Contain($"/desk/obstacles/{waiting}\"").And.Not.Contain($"/desk/obstacles/{elsewhere}\""));
            Assert.That(questions, Does.Contain("<option value=\"needs_information\" selected"), "the filter shows what was chosen");
        });
    }

    [Test]
    public async Task TheTriageCount_LinksToTheReportsWaiting_PagedByCursor()
    {
        var ids = new List<string>();
        for (var i = 0; i < 51; i++)
        {
            ids.Add((await Submit(ReporterA, Obstacle(regulationId: CircularId))).Str("id"));
        }

        using var coordinator = await SignedIn(Coordinator.UnitId, "Phạm Điều Phối", "coordinator");
        var (_, desk) = await coordinator.Open("/desk");
        var (_, first) = await coordinator.Open("/desk/obstacles?status=submitted");
        var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"(/desk/obstacles\\?[^\"]*cursor=[^\"]*)\" rel=\"next\"").Groups[1].Value;
        var (_, second) = await coordinator.Open(System.Net.WebUtility.HtmlDecode(next));

        Assert.Multiple(() =>
        {
            Assert.That(desk, Does.Contain("href=\"/desk/obstacles?status=submitted\""));
            Assert.That(first, Does.Contain($"/desk/obstacles/{ids[^1]}\"").And.Not.Contain($"/desk/obstacles/{ids[0]}\""), "newest first, fifty a page");
            Assert.That(next, Does.Contain("status=submitted"), "the next page keeps the filter");
            Assert.That(second, Does.Contain($"/desk/obstacles/{ids[0]}\"").And.Not.Contain("rel=\"next\""));
        });
    }

    [Test]
    public async Task AFilterTheApiRefuses_IsA400Page_NamingTheField()
    {
        using var reporter = await SignedIn(ReporterA.UnitId, "Lê Thị Báo Cáo", "reporter");

        var (obstacles, obstaclePage) = await reporter.Open("/desk/obstacles?status=lost&lang=en");
        var (amendments, amendmentPage) = await reporter.Open("/desk/amendments?status=lost&lang=en");

        Assert.Multiple(() =>
        {
            Assert.That(obstacles, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(obstaclePage, Does.Contain("status"));
            Assert.That(amendments, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(amendmentPage, Does.Contain("status"));
        });
    }

    [Test]
    public async Task TheDraftingCount_LinksToTheUnitsOpenWork_AndLateOnlyKeepsTheLate()
    {
        var late = OpenBody();
        late["dueOn"] = "2026-03-10";
        var lateId = (await Open(late)).Str("id");
        var laterId = (await Open(OpenBody())).Str("id");
        Clock.Now = Clock.Now.AddDays(12);
        using var drafter = await SignedIn(DraftingUnitId, "Trần Soạn Thảo", "drafter");

        var (_, desk) = await drafter.Open("/desk");
        var (_, open) = await drafter.Open($"/desk/amendments?draftingUnitId={DraftingUnitId}");
        var (_, overdue) = await drafter.Open($"/desk/amendments?draftingUnitId={DraftingUnitId}&overdue=true&lang=en");

        Assert.Multiple(() =>
        {
            Assert.That(desk, Does.Contain($"href=\"/desk/amendments?draftingUnitId={DraftingUnitId}\""));
            Assert.That(open, Does.Contain($"/desk/amendments/{lateId}\"").And.Contain($"/desk/amendments/{laterId}\""));
            Assert.That(overdue, Does.Contain($"/desk/amendments/{lateId}\"").And.Contain("Late by 4 days"));
            Assert.That(overdue, Does.Not.Contain($"/desk/amendments/{laterId}\""));
            Assert.That(overdue, Does.Contain("id=\"f-overdue\" name=\"overdue\" value=\"true\" checked"));
        });
    }
}
