using System.Net;
using System.Text.RegularExpressions;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Amendments;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Desk;

/// <summary>
/// The obstacle's staff pages over the real pipeline: a person reports with the API's field names (the document
/// found by its symbol), the coordinator's queue shows it, triage forms send the API's requests under the person's
/// name, a stale form is 412 and changes nothing, a refused form keeps what was typed, and another unit's person
/// sees no private field.
/// </summary>
public sealed partial class ObstacleDeskTests(DatabaseProvider provider) : DeskTest(provider)
{
    [Test]
    public async Task AReport_FromTheForm_IsRecordedUnderThePerson_AndQueuedForTheCoordinators()
    {
        var symbol = (await Coordinator.Http.GetAsync($"/api/v1/regulations/{CircularId}").ExpectJson(200)).Str("symbol");
        using var reporter = await SignedIn(ReporterA.UnitId, "Lê Thị Báo Cáo", "reporter");
        using var coordinator = await SignedIn(Coordinator.UnitId, "Phạm Điều Phối", "coordinator");

        using var sent = await reporter.Post("/desk/obstacles/new", "/desk/obstacles/new", Report(symbol.ToLowerInvariant()));
        var id = ObstacleIdIn(sent.Headers.Location!.ToString());
        var (_, queue) = await coordinator.Open("/desk");
        var history = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{id}/history").ExpectJson(200);
        var changes = await Admin.GetAsync("/api/v1/changes?limit=200").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(queue, Does.Contain($"/desk/obstacles/{id}").And.Contain("Vướng mắc từ biểu mẫu"));
            var submitted = history["items"]![0]!;
            Assert.That(submitted["person"]!.Str("name"), Is.EqualTo("Lê Thị Báo Cáo"));
            Assert.That(submitted["keyId"], Is.Null, "a person's step names no key");
            Assert.That(changes["items"]!.AsArray().Last(c => c!.Str("resourceId") == id)!["person"]!.Str("name"), Is.EqualTo("Lê Thị Báo Cáo"));
        });
    }

    [Test]
    public async Task ARefusedReport_ComesBackWithEachErrorBesideItsField_AndTheInputKept()
    {
        using var reporter = await SignedIn(ReporterA.UnitId, "Lê Thị Báo Cáo", "reporter");
        var fields = Report("99/1999/TT-KHONGCO");
        fields.RemoveAll(f => f.Key == "description");

        using var refused = await reporter.Post("/desk/obstacles/new", "/desk/obstacles/new", fields);
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(page, Does.Contain("id=\"f-description-error\""));
            Assert.That(page, Does.Contain("id=\"f-regulations-0--symbol-error\"").And.Contain("99/1999/TT-KHONGCO"));
            Assert.That(page, Does.Contain("value=\"Vướng mắc từ biểu mẫu\""), "the title typed is kept");
        });
    }

    [Test]
    public async Task Triage_FromThePage_SendsTheApiRequest_AndAStaleFormIs412()
    {
        var id = (await Submit(ReporterA, Obstacle(regulationId: CircularId))).Str("id");
        using var coordinator = await SignedIn(Coordinator.UnitId, "Phạm Điều Phối", "coordinator");
        var (_, page) = await coordinator.Open($"/desk/obstacles/{id}");
        await Transition(Coordinator.Http, id, "request-information", new System.Text.Json.Nodes.JsonObject { ["question"] = "Xin bổ sung số liệu?" });

        using var stale = await coordinator.Post($"/desk/obstacles/{id}", $"/desk/obstacles/{id}/accept", [new("version", "1"), new("note", "")]);
        var stalePage = await stale.Content.ReadAsStringAsync();
        using var accepted = await coordinator.Post($"/desk/obstacles/{id}", $"/desk/obstacles/{id}/accept", [new("version", "2"), new("note", "Tiếp nhận")]);
        var history = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{id}/history").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain($"action=\"/desk/obstacles/{id}/accept\"").And.Contain($"action=\"/desk/obstacles/{id}/reject\""));
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
            Assert.That(stalePage, Does.Contain("Đã có người thay đổi"));
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(history["items"]!.AsArray().Select(e => e!.Str("action")), Is.EqualTo(new[] { "submitted", "information_requested", "accepted" }));
            Assert.That(history["items"]![2]!["person"]!.Str("name"), Is.EqualTo("Phạm Điều Phối"));
        });
    }

    [Test]
    public async Task TheReportingUnit_AnswersAQuestion_FromThePage()
    {
        var id = (await Submit(ReporterA, Obstacle(regulationId: CircularId))).Str("id");
        await Transition(Coordinator.Http, id, "request-information", new System.Text.Json.Nodes.JsonObject { ["question"] = "Xin bổ sung số liệu?" });
        using var reporter = await SignedIn(ReporterA.UnitId, "Lê Thị Báo Cáo", "reporter");

        var (_, desk) = await reporter.Open("/desk");
        using var answered = await reporter.Post($"/desk/obstacles/{id}", $"/desk/obstacles/{id}/comment", [new("text", "Số liệu đính kèm: 120 hồ sơ bị chậm.")]);

        Assert.Multiple(async () =>
        {
            Assert.That(desk, Does.Contain($"/desk/obstacles/{id}"), "the question waits on the reporter's desk");
            Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(await ObstacleStatus(id), Is.EqualTo("submitted"), "the answer sends it back to the coordinators");
        });
    }

    [Test]
    public async Task TheReportingUnit_CorrectsItsReport_AndAddsEvidence_FromThePage()
    {
        var id = (await Submit(ReporterA, Obstacle(regulationId: CircularId))).Str("id");
        using var reporter = await SignedIn(ReporterA.UnitId, "Lê Thị Báo Cáo", "reporter");

        var (_, page) = await reporter.Open($"/desk/obstacles/{id}");
        using var emptied = await reporter.Post($"/desk/obstacles/{id}", $"/desk/obstacles/{id}/correct",
            [new("version", "1"), new("title", ""), new("description", "Mô tả mới."), new("impact", ""), new("contact", "")]);
        using var corrected = await reporter.Post($"/desk/obstacles/{id}", $"/desk/obstacles/{id}/correct",
            [new("version", "1"), new("title", "Tiêu đề đã sửa"), new("description", "Mô tả mới."), new("impact", ""), new("contact", "")]);
        var (_, withToken) = await reporter.Open($"/desk/obstacles/{id}");
        using var file = new MultipartFormDataContent
        {
            { new StringContent(StaffBrowser.TokenIn(withToken)), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")), "file", "so-lieu.pdf" },
        };
        using var attached = await reporter.Http.PostAsync($"/desk/obstacles/{id}/attach", file);
        var obstacle = await ReporterA.Http.GetAsync($"/api/v1/obstacles/{id}").ExpectJson(200);
        var evidence = await ReporterA.Http.GetAsync($"/api/v1/obstacles/{id}/attachments").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("value=\"Quy định chồng chéo về cấp phép\""), "the correction form holds the report as it is");
            Assert.That(emptied.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(corrected.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(obstacle.Str("title"), Is.EqualTo("Tiêu đề đã sửa"));
            Assert.That(attached.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(evidence["items"]![0]!.Str("fileName"), Is.EqualTo("so-lieu.pdf"));
            Assert.That(evidence["items"]![0]!["person"]!.Str("name"), Is.EqualTo("Lê Thị Báo Cáo"));
        });
    }

    [Test]
    public async Task APersonOfAnotherUnit_SeesNoPrivateField_AndNoAction()
    {
        var body = Obstacle(regulationId: CircularId);
        body["contact"] = "bimat@example.org";
        var id = (await Submit(ReporterA, body)).Str("id");
        using var stranger = await SignedIn(ReporterB.UnitId, "Người đơn vị khác", "reporter");

        var (status, page) = await stranger.Open($"/desk/obstacles/{id}");
        using var comment = await stranger.Post("/desk/obstacles/new", $"/desk/obstacles/{id}/withdraw", [new("version", "1")]);

        Assert.Multiple(async () =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page, Does.Not.Contain("bimat@example.org").And.Not.Contain("<form method=\"post\" action=\"/desk/obstacles/"));
            Assert.That((int)comment.StatusCode, Is.EqualTo(403));
            Assert.That(await ObstacleStatus(id), Is.EqualTo("submitted"));
        });
    }

    private static List<KeyValuePair<string, string>> Report(string symbol) =>
    [
        new("title", "Vướng mắc từ biểu mẫu"), new("description", "Thời hạn cấp phép quy định tại hai văn bản khác nhau."),
        new("regulations[0].symbol", symbol), new("regulations[0].provision", "Điều 5, khoản 2"), new("category", "conflict"),
        new("severity", "high"), new("proposal", "amend"), new("impact", ""), new("contact", ""), new("intent", "send"),
    ];

    private static string ObstacleIdIn(string location) => ObstaclePath().Match(location).Groups[1].Value;

    [GeneratedRegex("/desk/obstacles/([0-9a-f-]{36})")]
    private static partial Regex ObstaclePath();
}
