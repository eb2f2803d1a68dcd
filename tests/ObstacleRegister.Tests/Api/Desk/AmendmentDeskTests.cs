using System.Net;
using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Desk;

/// <summary>
/// The amendment's staff page over the real pipeline: the drafter's desk marks late work, a check-in and issuance
/// from the forms are the API's under the person's name, and the responsible official finds their own work on the
/// desk by the address the amendment names.
/// </summary>
public sealed class AmendmentDeskTests(DatabaseProvider provider) : DeskTest(provider)
{
    [Test]
    public async Task TheDrafter_ChecksIn_AndIssues_FromThePage_AsThemselves()
    {
        var obstacle = await AcceptedObstacle(ReporterA);
        var id = (await Open(OpenBody(obstacle))).Str("id");
        using var drafter = await SignedIn(DraftingUnitId, "Trần Soạn Thảo", "drafter");

        await AdvanceTo(id, "appraisal");
        var (_, desk) = await drafter.Open("/desk");
        using var checkedIn = await drafter.Post($"/desk/amendments/{id}", $"/desk/amendments/{id}/progress",
            [new("version", Version(await GetAmendment(id))), new("stage", "submitted"), new("note", "Đã trình dự thảo."), new("blockers", ""), new("resourcesRequested", "")]);
        using var issued = await drafter.Post($"/desk/amendments/{id}", $"/desk/amendments/{id}/issue",
            [new("version", Version(await GetAmendment(id))), new("documentSymbol", NewCircularSymbol()),
             new("issuedOn", "2026-03-02"), new("effectiveOn", "2026-03-02")]);
        var amendment = await GetAmendment(id);

        Assert.Multiple(async () =>
        {
            Assert.That(desk, Does.Contain($"/desk/amendments/{id}"));
            Assert.That(checkedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(amendment.Str("status"), Is.EqualTo("in_force"));
            Assert.That(amendment["recentProgress"]![0]!["person"]!.Str("name"), Is.EqualTo("Trần Soạn Thảo"));
            Assert.That(amendment["recentProgress"]![0]!["keyId"], Is.Null);
            Assert.That(await ObstacleStatus(obstacle), Is.EqualTo("resolved"));
        });
    }

    [Test]
    public async Task ACoordinator_OpensAnAmendment_ForAnAcceptedObstacle_FromItsPage()
    {
        var obstacle = await AcceptedObstacle(ReporterA);
        using var coordinator = await SignedIn(Coordinator.UnitId, "Phạm Điều Phối", "coordinator");

        var (_, obstaclePage) = await coordinator.Open($"/desk/obstacles/{obstacle}");
        using var refused = await coordinator.Post($"/desk/amendments/new?obstacleId={obstacle}", $"/desk/amendments/new?obstacleId={obstacle}",
            [new("regulationId", CircularId), new("kind", "amend"), new("title", "Sửa Điều 5"), new("draftingUnitId", DraftingUnitId.ToString()),
             new("responsibleOfficial.name", ""), new("responsibleOfficial.position", "Thứ trưởng"), new("dueOn", "2026-06-30")]);
        using var opened = await coordinator.Post($"/desk/amendments/new?obstacleId={obstacle}", $"/desk/amendments/new?obstacleId={obstacle}",
            [new("regulationId", CircularId), new("kind", "amend"), new("title", "Sửa Điều 5"), new("draftingUnitId", DraftingUnitId.ToString()),
             new("responsibleOfficial.name", "Nguyễn Văn B"), new("responsibleOfficial.position", "Thứ trưởng"), new("dueOn", "2026-06-30")]);
        var id = opened.Headers.Location!.ToString().Split('/', '?')[3];
        var amendment = await GetAmendment(id);

        Assert.Multiple(async () =>
        {
            Assert.That(obstaclePage, Does.Contain($"/desk/amendments/new?obstacleId={obstacle}"));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("id=\"f-responsibleOfficial-name-error\""));
            Assert.That(opened.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(amendment["obstacles"]![0]!.Str("id"), Is.EqualTo(obstacle));
            Assert.That(amendment["deadlines"]![0]!["person"]!.Str("name"), Is.EqualTo("Phạm Điều Phối"));
            Assert.That(await ObstacleStatus(obstacle), Is.EqualTo("in_amendment"));
        });
    }

    [Test]
    public async Task ACoordinator_AddsAnAcceptedObstacle_ToWorkUnderWayOnTheSameDocument()
    {
        var id = (await Open()).Str("id");
        var obstacle = await AcceptedObstacle(ReporterB, "Một vướng mắc nữa về thời hạn");
        using var coordinator = await SignedIn(Coordinator.UnitId, "Phạm Điều Phối", "coordinator");

        var (_, page) = await coordinator.Open($"/desk/amendments/new?obstacleId={obstacle}");
        using var linked = await coordinator.Post($"/desk/amendments/new?obstacleId={obstacle}", $"/desk/amendments/{id}/obstacles", [new("obstacleId", obstacle)]);

        Assert.Multiple(async () =>
        {
            Assert.That(page, Does.Contain($"action=\"/desk/amendments/{id}/obstacles\""), "the work under way on the cited document is offered");
            Assert.That(linked.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That((await GetAmendment(id))["obstacles"]!.AsArray().Select(o => o!.Str("id")), Does.Contain(obstacle));
            Assert.That(await ObstacleStatus(obstacle), Is.EqualTo("in_amendment"));
        });
    }

    [Test]
    public async Task TheResponsibleOfficial_SeesTheirLateWork_OnTheirDesk()
    {
        var officialEmail = await AddPerson(Coordinator.UnitId, "Nguyễn Văn B", "reporter");
        var body = OpenBody();
        body["responsibleOfficial"] = new JsonObject { ["name"] = "Nguyễn Văn B", ["position"] = "Thứ trưởng", ["email"] = officialEmail.ToUpperInvariant() };
        body["dueOn"] = "2026-03-10";
        var id = (await Open(body)).Str("id");
        Clock.Now = Clock.Now.AddDays(12);
        using var official = await SignedInAs(officialEmail);
        using var stranger = await SignedIn(Coordinator.UnitId, "Người khác", "reporter");

        var (_, desk) = await official.Open("/desk?lang=en");
        var (_, other) = await stranger.Open("/desk");

        Assert.Multiple(() =>
        {
            Assert.That(desk, Does.Contain($"/desk/amendments/{id}").And.Contain("Late by 4 days"));
            Assert.That(other, Does.Not.Contain($"/desk/amendments/{id}"));
        });
    }

    [Test]
    public async Task ACheckIn_WithoutANote_ComesBackWithTheError_AndNothingIsRecorded()
    {
        var id = (await Open()).Str("id");
        using var drafter = await SignedIn(DraftingUnitId, "Trần Soạn Thảo", "drafter");

        using var refused = await drafter.Post($"/desk/amendments/{id}", $"/desk/amendments/{id}/progress",
            [new("version", "1"), new("stage", "drafting"), new("note", ""), new("blockers", "Thiếu số liệu")]);
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(page, Does.Contain("id=\"f-progress-note-error\"").And.Contain("Thiếu số liệu"));
            Assert.That((await GetAmendment(id))["recentProgress"]!.AsArray(), Is.Empty);
        });
    }

    private static string Version(JsonNode amendment) =>
        amendment["version"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
