using System.Net;
using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Amendments;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Reports;

/// <summary>Progress, responsibility and results without a key, and nothing private in them.</summary>
public sealed class PublicViewTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    private const string Contact = "Nguyễn Văn A, Vụ Pháp chế, 024 3943 0000";

    [Test]
    public async Task PublicPages_AnswerWithoutAKey()
    {
        using var anonymous = Anonymous();

        await anonymous.GetAsync("/api/v1/public/progress").ExpectJson(200);
        await anonymous.GetAsync("/api/v1/public/amendments").ExpectJson(200);
        await anonymous.GetAsync("/api/v1/public/obstacles").ExpectJson(200);
    }

    [Test]
    public async Task PublicAmendments_ShowResponsibilityButNoCheckInText()
    {
        var obstacle = await AcceptedObstacle(ReporterA);
        var body = OpenBody(obstacle);
        body["dueOn"] = "2026-02-20";
        var id = (await Open(body)).Str("id");
        await CheckIn(id, "drafting");
        using var anonymous = Anonymous();

        using var response = await anonymous.GetAsync($"/api/v1/public/amendments?draftingUnitId={DraftingUnitId}");
        var text = await response.Content.ReadAsStringAsync();
        var item = (await response.ExpectJson(200))["items"]!.AsArray().Single()!;

        Assert.Multiple(() =>
        {
            Assert.That(item["responsibleOfficial"]!.Str("name"), Is.EqualTo("Nguyễn Văn B"));
            Assert.That(item["draftingUnit"]!.Str("id"), Is.EqualTo(DraftingUnitId.ToString()));
            Assert.That(item["regulation"]!.Str("id"), Is.EqualTo(CircularId));
            Assert.That(item["daysOverdue"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(item.Str("status"), Is.EqualTo("drafting"));
            Assert.That(text, Does.Not.Contain("Chưa thống nhất").And.Not.Contain("Đã hoàn thành dự thảo"), "check-in notes and blockers are not published");
            Assert.That(text, Does.Not.Contain(Drafter.KeyId.ToString()).And.Not.Contain(Coordinator.KeyId.ToString()), "no key ids");
        });
    }

    [Test]
    public async Task PublicAmendments_OpenTrue_LeaveOutIssuedWork()
    {
        var open = (await Open(OpenBody(await AcceptedObstacle(ReporterA)))).Str("id");
        var issued = (await Open(OpenBody(await AcceptedObstacle(ReporterA)))).Str("id");
        await AdvanceTo(issued, "submitted");
        await Issue(issued, IssueBody(NewCircularSymbol()));
        using var anonymous = Anonymous();

        var openOnly = await anonymous.GetAsync("/api/v1/public/amendments?open=true").ExpectJson(200);
        var closedOnly = await anonymous.GetAsync("/api/v1/public/amendments?open=false").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(Ids(openOnly), Is.EqualTo(new[] { open }));
            Assert.That(Ids(closedOnly), Is.EqualTo(new[] { issued }));
        });
    }

    [Test]
    public async Task PublicObstacles_PublishResultsOnlyAndNeverPrivateText()
    {
        var resolved = await AcceptedObstacle(ReporterA, "Thời hạn cấp phép chồng chéo");
        var id = (await Open(OpenBody(resolved))).Str("id");
        await AdvanceTo(id, "submitted");
        var symbol = NewCircularSymbol();
        await Issue(id, IssueBody(symbol));
        var rejected = (await Submit(ReporterB, Obstacle("Không phải vướng mắc", regulationId: CircularId))).Str("id");
        await Transition(Coordinator.Http, rejected, "reject", Reason("Đã được hướng dẫn tại Điều 7 Thông tư."));
        var pending = (await Submit(ReporterB, Obstacle("Chưa xử lý", regulationId: CircularId))).Str("id");
        using var anonymous = Anonymous();

        using var resolvedResponse = await anonymous.GetAsync("/api/v1/public/obstacles");
        using var rejectedResponse = await anonymous.GetAsync("/api/v1/public/obstacles?status=rejected");
        var text = await resolvedResponse.Content.ReadAsStringAsync() + await rejectedResponse.Content.ReadAsStringAsync();
        var resolvedPage = await resolvedResponse.ExpectJson(200);
        var rejectedPage = await rejectedResponse.ExpectJson(200);
        var notPublished = await anonymous.GetAsync("/api/v1/public/obstacles?status=submitted").ExpectProblem(400);

        Assert.Multiple(() =>
        {
            Assert.That(Ids(resolvedPage), Is.EqualTo(new[] { resolved }));
            Assert.That(Ids(rejectedPage), Is.EqualTo(new[] { rejected }));
            Assert.That(rejectedPage["items"]![0]!.Str("answer"), Is.EqualTo("Đã được hướng dẫn tại Điều 7 Thông tư."));
            Assert.That(resolvedPage["items"]![0]!["unit"]!.Str("id"), Is.EqualTo(ReporterA.UnitId.ToString()));
            Assert.That(resolvedPage["items"]![0]!["resolvedBy"]!.Str("symbol"), Is.EqualTo(symbol), "the document that resolved it");
            Assert.That(resolvedPage["items"]![0]!["resolvedBy"]!.Str("effectiveOn"), Is.EqualTo(IssueBody(symbol).Str("effectiveOn")));
            Assert.That(rejectedPage["items"]![0]!["resolvedBy"], Is.Null);
            Assert.That(text, Does.Not.Contain(Contact), "contact data");
            Assert.That(text, Does.Not.Contain("doanh nghiệp không biết áp dụng"), "the description is not published");
            Assert.That(text, Does.Not.Contain("Hơn 200 doanh nghiệp"), "the impact is not published");
            Assert.That(text, Does.Not.Contain(pending), "obstacles without a result are not published");
            Assert.That(notPublished["errors"]!.AsObject().ContainsKey("status"), Is.True);
        });
    }

    [Test]
    public async Task PublicProgress_IsTheRegistersReport()
    {
        await AcceptedObstacle(ReporterA);
        using var anonymous = Anonymous();

        var progress = await anonymous.GetAsync("/api/v1/public/progress?period=month").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(progress.Str("from"), Is.EqualTo("2026-03-01"));
            Assert.That(progress["obstacles"]!["received"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(progress["obstacles"]!["accepted"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task PublicPages_CarryAnETagAndAnswer304WhenUnchanged()
    {
        await AcceptedObstacle(ReporterA);
        using var anonymous = Anonymous();

        using var first = await anonymous.GetAsync("/api/v1/public/progress");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/public/progress");
        again.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.Tag);
        using var unchanged = await anonymous.SendAsync(again);
        await AcceptedObstacle(ReporterB);
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, "/api/v1/public/progress");
        afterChange.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.Tag);
        using var changed = await anonymous.SendAsync(afterChange);

        Assert.Multiple(() =>
        {
            Assert.That(first.Headers.CacheControl!.Public, Is.True);
            Assert.That(first.Headers.CacheControl.MaxAge, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(unchanged.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(changed.Headers.ETag!.Tag, Is.Not.EqualTo(first.Headers.ETag!.Tag));
        });
    }
}

/// <summary>The public pages' rate limit, on a host configured with a small one.</summary>
public sealed class PublicRateLimitTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string> { ["Public:RequestsPerMinute"] = "3" };

    [Test]
    public async Task PublicPages_OverTheLimit_Answer429WithRetryAfterAndKeyedCallsAreNotLimited()
    {
        using var anonymous = Anonymous();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add(await anonymous.GetAsync("/api/v1/public/amendments"));
        }

        var limited = responses[^1];
        var problem = await limited.ExpectJson(429);
        using var keyed = await Admin.GetAsync("/api/v1/amendments");
        using var sitePage = await anonymous.GetAsync("/responsibility");
        using var inVietnamese = new HttpRequestMessage(HttpMethod.Get, "/api/v1/public/amendments");
        inVietnamese.Headers.AcceptLanguage.ParseAdd("vi");
        var vietnamese = await (await anonymous.SendAsync(inVietnamese)).ExpectJson(429);

        Assert.Multiple(() =>
        {
            Assert.That(responses.Take(3).Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.OK));
            Assert.That(responses.Skip(3).Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
            Assert.That(limited.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.Str("type"), Does.EndWith("too-many-requests"));
            Assert.That(keyed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the limit is for the public pages");
            Assert.That(sitePage.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "the site shares the public pages' limit");
            Assert.That(vietnamese.Str("detail"), Does.StartWith("Địa chỉ này đã gửi quá nhiều yêu cầu"), "the detail speaks the asker's language");
        });
        responses.ForEach(r => r.Dispose());
    }
}
