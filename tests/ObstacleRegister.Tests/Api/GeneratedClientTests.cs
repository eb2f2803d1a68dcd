using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.GeneratedClient;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api;

/// <summary>
/// Drives the register through the C# client NSwag generates from the committed OpenAPI document (the test
/// project regenerates it on every build), the way an integrator would: the document is only right if the client
/// it yields can do the work and understand the errors.
/// </summary>
public sealed class GeneratedClientTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task TheGeneratedClient_RegistersSubmitsAndAccepts_ReadingETagsAndReplays()
    {
        using var coordinatorKey = (await CreateKey("coordinator")).Http;
        using var reporterKey = (await CreateKey("reporter")).Http;
        var coordinator = new RegisterClient(coordinatorKey);
        var reporter = new RegisterClient(reporterKey);

        var regulation = await coordinator.RegisterRegulationAsync(Decree());
        Assert.That(regulation.StatusCode, Is.EqualTo(201));
        Assert.That(Header(regulation, "Location"), Does.EndWith($"/api/v1/regulations/{regulation.Result.Id}"));

        var idempotencyKey = Guid.NewGuid().ToString();
        var submitted = await reporter.SubmitObstacleAsync(idempotencyKey, Obstacle(regulation.Result.Id));
        var replayed = await reporter.SubmitObstacleAsync(idempotencyKey, Obstacle(regulation.Result.Id));
        Assert.That(submitted.StatusCode, Is.EqualTo(201));
        Assert.That(submitted.Result.Status, Is.EqualTo(ObstacleStatus.Submitted));
        Assert.That(submitted.Result.Regulations.Single().Provision, Is.EqualTo("Điều 5, khoản 2"));
        Assert.That(replayed.Result.Id, Is.EqualTo(submitted.Result.Id));
        Assert.That(Header(replayed, "Idempotent-Replayed"), Is.EqualTo("true"));

        var etag = Header(submitted, "ETag");
        var accepted = await coordinator.AcceptObstacleAsync(submitted.Result.Id, etag, new TriageNoteBody { Note = "Đúng thẩm quyền" });
        Assert.That(accepted.Result.Status, Is.EqualTo(ObstacleStatus.Accepted));
        Assert.That(Header(accepted, "ETag"), Is.Not.EqualTo(etag));
        Assert.That(Header(accepted, "ETag"), Is.EqualTo($"\"{accepted.Result.Version}\""), "a client reading only bodies can send If-Match");

        var read = await reporter.GetObstacleAsync(submitted.Result.Id);
        Assert.That(read.Result.Status, Is.EqualTo(ObstacleStatus.Accepted));
        Assert.That(Header(read, "ETag"), Is.EqualTo(Header(accepted, "ETag")));

        var listed = await coordinator.ListObstaclesAsync(ObstacleStatus.Accepted, null, regulation.Result.Id, null, null, null, null, null, null, 10, null);
        var history = await coordinator.GetObstacleHistoryAsync(submitted.Result.Id, null, null);
        var week = await coordinator.GetProgressReportAsync(ReportPeriod.Week, null, null);
        var hotspots = await coordinator.GetHotspotsAsync(null, null, null, HotspotRanking.Open_obstacles, 5);
        Assert.That(listed.Result.Items.Select(i => i.Id), Is.EqualTo(new[] { submitted.Result.Id }));
        Assert.That(history.Result.Items.Select(e => (e.From, e.To)), Is.EquivalentTo(new (ObstacleStatus?, ObstacleStatus)[]
        {
            (null, ObstacleStatus.Submitted), (ObstacleStatus.Submitted, ObstacleStatus.Accepted),
        }));
        Assert.That(week.Result.Obstacles.Received, Is.EqualTo(1));
        Assert.That(hotspots.Result.Regulations.Select(r => r.Regulation.Id), Is.EqualTo(new[] { regulation.Result.Id }));
    }

    [Test]
    public async Task TheGeneratedClient_ReceivesTypedProblems_For400_401_409_And412()
    {
        using var coordinatorKey = (await CreateKey("coordinator")).Http;
        using var reporterKey = (await CreateKey("reporter")).Http;
        using var anonymousHttp = Anonymous();
        var coordinator = new RegisterClient(coordinatorKey);
        var reporter = new RegisterClient(reporterKey);
        var regulationId = (await coordinator.RegisterRegulationAsync(Decree())).Result.Id;
        var submitted = await reporter.SubmitObstacleAsync(null, Obstacle(regulationId));
        var staleETag = Header(submitted, "ETag");
        await coordinator.AcceptObstacleAsync(submitted.Result.Id, staleETag, null);

        var untitled = Obstacle(regulationId);
        untitled.Title = "";
        var invalid = await Problem(() => reporter.SubmitObstacleAsync(null, untitled));
        var anonymous = await Problem(() => new RegisterClient(anonymousHttp).GetMeAsync());
        var conflict = await Problem(() => coordinator.AcceptObstacleAsync(submitted.Result.Id, null, null));
        var stale = await Problem(() => coordinator.RejectObstacleAsync(submitted.Result.Id, staleETag, new RejectBody { Reason = "Không thuộc phạm vi" }));

        Assert.That(invalid.Status, Is.EqualTo(400));
        Assert.That(invalid.Type, Is.EqualTo("urn:obstacle-register:problem:validation"));
        Assert.That(invalid.Errors, Does.ContainKey("title"));
        Assert.That(anonymous.Status, Is.EqualTo(401));
        Assert.That(conflict.Status, Is.EqualTo(409));
        Assert.That(conflict.CurrentStatus, Is.EqualTo("accepted"));
        Assert.That(stale.Status, Is.EqualTo(412));
        Assert.That(new[] { invalid, anonymous, conflict, stale }.Select(p => p.TraceId), Has.All.Not.Empty);
    }

    private static RegulationBody Decree() => new()
    {
        Symbol = $"{Unique()}/2023/NĐ-CP",
        Type = RegulationType.Decree,
        Title = "Nghị định về cấp phép viễn thông",
        Issuer = "Chính phủ",
        IssuedOn = new DateTimeOffset(2023, 4, 17, 0, 0, 0, TimeSpan.Zero),
    };

    private static SubmitObstacleBody Obstacle(Guid regulationId) => new()
    {
        Title = "Quy định chồng chéo về cấp phép",
        Description = "Hai văn bản quy định khác nhau về thời hạn cấp phép, doanh nghiệp không biết áp dụng văn bản nào.",
        Category = ObstacleCategory.Conflict,
        Severity = ObstacleSeverity.High,
        Proposal = RemedyRoute.Amend,
        Regulations = [new CitedRegulationBody { RegulationId = regulationId, Provision = "Điều 5, khoản 2" }],
    };

    private static string Header(RegisterResponse response, string name) =>
        response.Headers.TryGetValue(name, out var values) ? values.Single() : throw new AssertionException($"no {name} header");

    private static async Task<Problem> Problem(Func<Task> call)
    {
        var thrown = Assert.ThrowsAsync<RegisterApiException<Problem>>(async () => await call());
        await Task.CompletedTask;
        return thrown!.Result;
    }
}
