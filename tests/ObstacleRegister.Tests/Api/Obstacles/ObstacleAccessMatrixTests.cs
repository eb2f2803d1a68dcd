using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Obstacles;

/// <summary>
/// Walks every obstacle endpoint with every role, from the reporting unit and from a foreign one, and proves
/// that private fields reach only the reporting unit and coordinators and that nobody changes what is not theirs.
/// </summary>
public sealed class ObstacleAccessMatrixTests(DatabaseProvider provider) : ObstacleTest(provider)
{
    private const string Contact = "Trần Thị B, 0912 345 678, private@example.vn";

    // ASCII, so it is found in JSON whatever the encoder escapes.
    private const string PrivateMarker = "0912 345 678";

    private static readonly string[] CoveredRoutes =
    [
        "POST api/v1/obstacles/", "GET api/v1/obstacles/", "GET api/v1/obstacles/{id:guid}", "GET api/v1/obstacles/{id:guid}/history",
        "POST api/v1/obstacles/{id:guid}/accept", "POST api/v1/obstacles/{id:guid}/reject",
        "POST api/v1/obstacles/{id:guid}/duplicate", "POST api/v1/obstacles/{id:guid}/withdraw",
        "PATCH api/v1/obstacles/{id:guid}", "POST api/v1/obstacles/{id:guid}/request-information", "GET api/v1/obstacles/{id:guid}/comments",
        "POST api/v1/obstacles/{id:guid}/comments", "GET api/v1/obstacles/{id:guid}/comments/{commentId:guid}",
        "POST api/v1/obstacles/{id:guid}/attachments", "GET api/v1/obstacles/{id:guid}/attachments",
        "GET api/v1/obstacles/{id:guid}/attachments/{attachmentId:guid}", "GET api/v1/obstacles/import-template", "POST api/v1/obstacles/imports",
        "POST api/v1/obstacles/{id:guid}/confirm", "POST api/v1/obstacles/{id:guid}/reopen",
    ];

    private sealed record Actor(string Name, KeyedClient Key, bool SeesPrivate, bool CanTriage, bool CanWithdraw, bool CanSubmit, bool CanComment);

    [Test]
    public void Matrix_CoversEveryObstacleEndpoint()
    {
        var routes = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/v1/obstacles", StringComparison.Ordinal))
            // HEAD is GET's own endpoint answered without a body: covered with GET.
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Where(m => m != HttpMethods.Head)
                .Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/').TrimEnd('/')}"));

        Assert.That(routes, Is.EquivalentTo(CoveredRoutes.Select(r => r.TrimEnd('/'))));
    }

    [Test]
    public async Task EveryRoleAndUnit_SeesAndChangesOnlyWhatItMay()
    {
        var body = Obstacle();
        body["contact"] = Contact;
        var target = await Submit(ReporterA, body);
        var other = await Submit(ReporterB);
        var id = target.Str("id");
        var actors = await Actors();

        foreach (var actor in actors)
        {
            await AssertReads(actor, id);
            await AssertWrites(actor, id, other.Str("id"));
        }

        var after = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{id}").ExpectJson(200);
        Assert.That(after.Str("status"), Is.EqualTo("submitted"), "no refused write changed the obstacle");
    }

    private async Task<List<Actor>> Actors()
    {
        var drafterOfA = await CreateKey(ReporterA.UnitId, "drafter");
        var foreign = await CreateUnit();
        return
        [
            new("reporter of the reporting unit", ReporterA, SeesPrivate: true, CanTriage: false, CanWithdraw: true, CanSubmit: true, CanComment: true),
            new("drafter of the reporting unit", drafterOfA, SeesPrivate: true, CanTriage: false, CanWithdraw: false, CanSubmit: false, CanComment: false),
            new("foreign reporter", await CreateKey(foreign, "reporter"), SeesPrivate: false, CanTriage: false, CanWithdraw: false, CanSubmit: true, CanComment: false),
            new("foreign drafter", await CreateKey(foreign, "drafter"), SeesPrivate: false, CanTriage: false, CanWithdraw: false, CanSubmit: false, CanComment: false),
            new("foreign admin", await CreateKey(foreign, "admin"), SeesPrivate: false, CanTriage: false, CanWithdraw: false, CanSubmit: false, CanComment: false),
            new("coordinator", Coordinator, SeesPrivate: true, CanTriage: true, CanWithdraw: false, CanSubmit: false, CanComment: true),
        ];
    }

    private static async Task AssertReads(Actor actor, string id)
    {
        var one = await actor.Key.Http.GetAsync($"/api/v1/obstacles/{id}").ExpectJson(200);
        var list = await actor.Key.Http.GetAsync("/api/v1/obstacles").ExpectJson(200);
        var history = await actor.Key.Http.GetAsync($"/api/v1/obstacles/{id}/history").ExpectJson(200);
        using var thread = await actor.Key.Http.GetAsync($"/api/v1/obstacles/{id}/comments");
        using var evidence = await actor.Key.Http.GetAsync($"/api/v1/obstacles/{id}/attachments");

        Assert.Multiple(() =>
        {
            Assert.That(one["contact"]?.GetValue<string>(), actor.SeesPrivate ? Is.EqualTo(Contact) : Is.Null, $"{actor.Name}: contact");
            Assert.That(one.ToJsonString().Contains(PrivateMarker, StringComparison.Ordinal), Is.EqualTo(actor.SeesPrivate), $"{actor.Name}: contact anywhere");
            Assert.That(one.Str("visibility"), Is.EqualTo(actor.SeesPrivate ? "full" : "public"), actor.Name);
            Assert.That(one["likelyDuplicates"] is not null, Is.EqualTo(actor.SeesPrivate), $"{actor.Name}: intake hints");
            Assert.That(one.Str("title"), Is.Not.Empty, $"{actor.Name}: public fields");
            Assert.That(list.ToJsonString(), Does.Not.Contain(PrivateMarker).And.Not.Contain("contact"), $"{actor.Name}: list");
            Assert.That(history.ToJsonString(), Does.Not.Contain(PrivateMarker), $"{actor.Name}: history");
            Assert.That((int)thread.StatusCode, Is.EqualTo(actor.SeesPrivate ? 200 : 403), $"{actor.Name}: the thread is the reporting unit's and the coordinators'");
            Assert.That((int)evidence.StatusCode, Is.EqualTo(actor.SeesPrivate ? 200 : 403), $"{actor.Name}: evidence is read with the full view");
        });
    }

    private async Task AssertWrites(Actor actor, string id, string otherId)
    {
        var http = actor.Key.Http;
        // Allowed writes are probed with a stale If-Match: 412 proves the role passed without changing anything.
        var stale = "\"999\"";
        var triageStatus = actor.CanTriage ? 412 : 403;
        await Send(http, $"/api/v1/obstacles/{id}/accept", null, stale, triageStatus);
        await Send(http, $"/api/v1/obstacles/{id}/reject", Reason("Không phải vướng mắc."), stale, triageStatus);
        await Send(http, $"/api/v1/obstacles/{id}/duplicate", new JsonObject { ["duplicateOfId"] = otherId }, stale, triageStatus);
        await Send(http, $"/api/v1/obstacles/{id}/withdraw", null, stale, actor.CanWithdraw ? 412 : 403);
        using var correction = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/obstacles/{id}")
        {
            Content = new StringContent("{\"title\":\"Sửa tên vướng mắc\"}", System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };
        correction.Headers.TryAddWithoutValidation("If-Match", stale);
        using var corrected = await http.SendAsync(correction);
        Assert.That((int)corrected.StatusCode, Is.EqualTo(actor.CanWithdraw ? 412 : 403), $"{actor.Name}: correct (the reporting unit's reporters only)");
        await Send(http, $"/api/v1/obstacles/{id}/request-information", new JsonObject { ["question"] = "Đề nghị bổ sung văn bản." }, stale, triageStatus);
        // Only the reporting unit's reporters speak for a result, and only once it is resolved: this one is submitted.
        await Send(http, $"/api/v1/obstacles/{id}/confirm", null, stale, actor.CanWithdraw ? 409 : 403);
        await Send(http, $"/api/v1/obstacles/{id}/reopen", Reason("Vẫn còn vướng mắc."), stale, actor.CanWithdraw ? 409 : 403);

        // A comment changes no status here (the obstacle is submitted), so an allowed one is written and read back.
        using var comment = await http.PostJson($"/api/v1/obstacles/{id}/comments", new JsonObject { ["text"] = $"Ý kiến của {actor.Name}." });
        Assert.That((int)comment.StatusCode, Is.EqualTo(actor.CanComment ? 201 : 403), $"{actor.Name}: comment");
        if (actor.CanComment)
        {
            var written = await comment.ExpectJson(201);
            using var one = await http.GetAsync(comment.Headers.Location);
            Assert.That((await one.ExpectJson(200)).Str("text"), Is.EqualTo(written.Str("text")), $"{actor.Name}: comment read back at its Location");
        }

        // Evidence goes where comments go: the reporting unit's reporters and coordinators; it is read back at its Location.
        using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7\n%%EOF\n"u8.ToArray()), "file", "evidence.pdf" } };
        using var upload = await http.PostAsync($"/api/v1/obstacles/{id}/attachments", form);
        Assert.That((int)upload.StatusCode, Is.EqualTo(actor.CanComment ? 201 : 403), $"{actor.Name}: attach evidence");
        if (actor.CanComment)
        {
            using var file = await http.GetAsync(upload.Headers.Location);
            Assert.That(await file.Content.ReadAsStringAsync(), Is.EqualTo("%PDF-1.7\n%%EOF\n"), $"{actor.Name}: evidence read back");
        }

        using var submit = await http.PostJson("/api/v1/obstacles", Obstacle());
        Assert.That((int)submit.StatusCode, Is.EqualTo(actor.CanSubmit ? 201 : 403), $"{actor.Name}: submit");
        if (actor.CanSubmit)
        {
            var created = await submit.ExpectJson(201);
            Assert.That(created.Str("unitId"), Is.EqualTo(actor.Key.UnitId.ToString()), $"{actor.Name}: reports for its own unit only");
        }

        // An import goes where a submission goes; an allowed one is probed with a sheet of no rows, refused (400) before writing.
        using var template = await http.GetAsync("/api/v1/obstacles/import-template?format=csv");
        using var sheet = new MultipartFormDataContent { { new ByteArrayContent(await template.Content.ReadAsByteArrayAsync()), "file", "sheet.csv" } };
        using var import = await http.PostAsync("/api/v1/obstacles/imports", sheet);
        Assert.Multiple(() =>
        {
            Assert.That((int)template.StatusCode, Is.EqualTo(200), $"{actor.Name}: the template is anyone's");
            Assert.That((int)import.StatusCode, Is.EqualTo(actor.CanSubmit ? 400 : 403), $"{actor.Name}: import");
        });
    }
}
