using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api;

/// <summary>
/// Problems answer in the language the request asks for (<c>Accept-Language</c>), Vietnamese or English, with
/// <c>Content-Language</c> set; field names and problem types stay as they are; English is the default.
/// </summary>
public sealed class VietnameseProblemTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task WithAcceptLanguageVi_TitleDetailAndFieldErrorsAreVietnamese_FieldNamesUnchanged()
    {
        using var reporter = (await CreateKey("reporter")).Http;
        var body = new JsonObject { ["description"] = new string('x', 4001), ["category"] = "conflict", ["severity"] = "high", ["proposal"] = "amend" };

        using var response = await reporter.SendAsync(Post("/api/v1/obstacles", body, "vi-VN,vi;q=0.9,en;q=0.5"));
        var problem = await response.ExpectJson(400);

        Assert.Multiple(() =>
        {
            Assert.That(problem.Str("type"), Is.EqualTo("urn:obstacle-register:problem:validation"));
            Assert.That(problem.Str("title"), Is.EqualTo("Một hoặc nhiều trường không hợp lệ"));
            Assert.That(problem["errors"]!["title"]![0]!.GetValue<string>(), Is.EqualTo("'title' là bắt buộc."));
            Assert.That(problem["errors"]!["description"]![0]!.GetValue<string>(), Is.EqualTo("'description' tối đa 4000 ký tự (hiện có 4001)."));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "title", "description", "regulations" }));
            Assert.That(response.Content.Headers.ContentLanguage, Is.EqualTo(new[] { "vi" }));
        });
    }

    [Test]
    public async Task AuthenticationNotFoundAndRoutingProblems_AnswerInVietnameseToo()
    {
        using var anonymous = Anonymous();
        using var coordinator = (await CreateKey("coordinator")).Http;
        using var unauthorized = await anonymous.SendAsync(Get("/api/v1/me", "vi"));
        using var missing = await coordinator.SendAsync(Get($"/api/v1/obstacles/{Guid.NewGuid()}", "vi"));
        using var unknownParameter = await coordinator.SendAsync(Get("/api/v1/obstacles?satus=accepted", "vi"));
        using var reporter = (await CreateKey("reporter")).Http;
        using var unknownRegulation = await reporter.SendAsync(Post("/api/v1/obstacles", new JsonObject
        {
            ["title"] = "Thời hạn cấp phép", ["description"] = "Hai văn bản quy định khác nhau.", ["category"] = "conflict", ["severity"] = "high",
            ["proposal"] = "amend", ["regulations"] = new JsonArray(new JsonObject { ["regulationId"] = Guid.NewGuid().ToString(), ["provision"] = "Điều 5" }),
        }, "vi"));
        var citation = await unknownRegulation.ExpectJson(400);

        var (noKey, notFound, parameter) = (await unauthorized.ExpectJson(401), await missing.ExpectJson(404), await unknownParameter.ExpectJson(400));
        Assert.Multiple(() =>
        {
            Assert.That(noKey.Str("title"), Is.EqualTo("Chưa xác thực"));
            Assert.That(noKey.Str("detail"), Does.StartWith("Hãy gửi khóa API"));
            Assert.That(notFound.Str("title"), Is.EqualTo("Không tìm thấy"));
            Assert.That(notFound.Str("detail"), Does.StartWith("Không có vướng mắc với id"));
            Assert.That(parameter["errors"]!["satus"]![0]!.GetValue<string>(), Does.StartWith("'satus' không phải là tham số").And.Contain("status"));
            Assert.That(citation["errors"]!["regulations[0].regulationId"]![0]!.GetValue<string>(), Does.StartWith("Không có văn bản với id"));
        });
    }

    [Test]
    public async Task RuleMessages_DatesConflictsAndForbiddenActs_AnswerInVietnameseToo()
    {
        using var coordinator = (await CreateKey("coordinator")).Http;
        using var reporter = (await CreateKey("reporter")).Http;
        var regulation = new JsonObject
        {
            ["symbol"] = $"{Unique()}/2023/NĐ-CP", ["type"] = "circular", ["title"] = "Nghị định", ["issuer"] = "Chính phủ",
            ["issuedOn"] = "2024-04-17", ["effectiveOn"] = "2024-01-01",
        };

        var contradictions = await (await coordinator.SendAsync(Post("/api/v1/regulations", regulation, "vi"))).ExpectJson(400);
        var forbidden = await (await reporter.SendAsync(Get("/api/v1/reports/hotspots?unitId=" + Guid.NewGuid(), "vi"))).ExpectJson(403);
        var limit = await (await coordinator.SendAsync(Get("/api/v1/obstacles?limit=500", "vi"))).ExpectJson(400);
        var period = await (await coordinator.SendAsync(Get("/api/v1/reports/progress", "vi"))).ExpectJson(400);

        Assert.Multiple(() =>
        {
            Assert.That(contradictions["errors"]!["type"]![0]!.GetValue<string>(), Does.StartWith("'type' là circular nhưng ký hiệu"));
            Assert.That(contradictions["errors"]!["issuedOn"]![0]!.GetValue<string>(), Is.EqualTo("'issuedOn' thuộc năm 2024 nhưng ký hiệu ghi năm 2023."));
            Assert.That(contradictions["errors"]!["effectiveOn"]![0]!.GetValue<string>(), Is.EqualTo("'effectiveOn' không được trước 'issuedOn'."));
            Assert.That(forbidden.Str("detail"), Does.StartWith("Một đơn vị chỉ được xem điểm nóng của mình"));
            Assert.That(limit["errors"]!["limit"]![0]!.GetValue<string>(), Is.EqualTo("'limit' phải từ 1 đến 200."));
            Assert.That(period["errors"]!["period"]![0]!.GetValue<string>(), Does.StartWith("Cần có 'period'"));
        });
    }

    [TestCase(null)]
    [TestCase("fr-FR, de;q=0.8")]
    [TestCase("vi;q=0, en")]
    public async Task WithoutVietnameseAsked_ProblemsStayEnglish(string? acceptLanguage)
    {
        using var reporter = (await CreateKey("reporter")).Http;

        using var response = await reporter.SendAsync(Post("/api/v1/obstacles", new JsonObject(), acceptLanguage));
        var problem = await response.ExpectJson(400);

        Assert.Multiple(() =>
        {
            Assert.That(problem.Str("title"), Is.EqualTo("One or more fields are invalid"));
            Assert.That(problem["errors"]!["title"]![0]!.GetValue<string>(), Is.EqualTo("'title' is required."));
            Assert.That(response.Content.Headers.ContentLanguage, Is.EqualTo(new[] { "en" }));
        });
    }

    private static HttpRequestMessage Post(string url, JsonNode body, string? language)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        return request;
    }

    private static HttpRequestMessage Get(string url, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return request;
    }
}

/// <summary>A register configured to speak Vietnamese by default (<c>Register:DefaultLanguage</c>).</summary>
public sealed class VietnameseByDefaultTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string> { ["Register:DefaultLanguage"] = "vi" };

    [Test]
    public async Task WithoutAcceptLanguage_ProblemsAreVietnamese_AndEnglishStillAnswersWhenAsked()
    {
        using var anonymous = Anonymous();
        using var vietnamese = await anonymous.GetAsync("/api/v1/me");
        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        english.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-GB"));
        using var answered = await anonymous.SendAsync(english);

        var (vi, en) = (await vietnamese.ExpectJson(401), await answered.ExpectJson(401));
        Assert.Multiple(() =>
        {
            Assert.That(vi.Str("title"), Is.EqualTo("Chưa xác thực"));
            Assert.That(vietnamese.Content.Headers.ContentLanguage, Is.EqualTo(new[] { "vi" }));
            Assert.That(en.Str("title"), Is.EqualTo("Unauthorized"));
        });
    }
}
