using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api;

/// <summary>Registering, reading and updating regulations.</summary>
public sealed class RegulationsTests(DatabaseProvider provider) : RegulationTest(provider)
{
    [Test]
    public async Task Register_ReturnsCreatedWithLocationETagAndStoredFields()
    {
        var number = Unique();
        using var response = await Coordinator.Http.PostJson("/api/v1/regulations", Decree(number));

        var json = await response.ExpectJson(201);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/regulations/{json.Str("id")}"));
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(json["version"]!.GetValue<long>(), Is.EqualTo(1), "the body carries the version its ETag names");
            Assert.That(json.Str("symbol"), Is.EqualTo($"{number}/2023/NĐ-CP"));
            Assert.That(json.Str("type"), Is.EqualTo("decree"));
            Assert.That(json.Str("issuedOn"), Is.EqualTo("2023-04-17"));
            Assert.That(json.Str("status"), Is.EqualTo("in_force"));
            Assert.That(json["guidedBy"]!.AsArray(), Is.Empty);
        });
        var read = await Coordinator.Http.GetAsync($"/api/v1/regulations/{json.Str("id")}").ExpectJson(200);
        Assert.That(read.Str("title"), Is.EqualTo(json.Str("title")));
    }

    [Test]
    public async Task Register_WithEffectiveDateAhead_DefaultsToNotYetInForce()
    {
        var body = Decree(Unique());
        body["issuedOn"] = "2026-02-20";
        body["symbol"] = $"{Unique()}/2026/NĐ-CP";
        body["effectiveOn"] = "2026-07-01";

        var json = await Register(body);

        Assert.That(json.Str("status"), Is.EqualTo("not_yet_in_force"));
    }

    [TestCase("13/2023/ND-CP")]
    [TestCase("13/2023/nđ-cp")]
    [TestCase(" 13/2023/Nd-Cp ")]
    public async Task Register_SameSymbolWithoutDiacriticsOrInOtherCase_Returns409(string variant)
    {
        await Register(Decree(13));
        var duplicate = Decree(13);
        duplicate["symbol"] = variant;

        var problem = await Coordinator.Http.PostJson("/api/v1/regulations", duplicate).ExpectProblem(409);

        Assert.That(problem.Str("type"), Does.EndWith("duplicate-symbol"));
    }

    [TestCase("hello world")]
    [TestCase("13/2023")]
    [TestCase("ND-CP/13/2023")]
    [TestCase("13/3023/NĐ-CP")]
    [TestCase("13//NĐ-CP")]
    public async Task Register_GarbageSymbol_Returns400NamingSymbol(string symbol)
    {
        var body = Decree(1);
        body["symbol"] = symbol;

        await Coordinator.Http.PostJson("/api/v1/regulations", body).ExpectProblem(400, "symbol");
    }

    [TestCase("01/2024/TT-BTTTT", "circular", "2024-01-05")]
    [TestCase("24/2018/QH14", "law", "2018-06-12")]
    [TestCase("03/NQ-CP", "government_resolution", "2025-01-09")]
    [TestCase("57-NQ/TW", "other", "2024-12-22")]
    [TestCase("01/2024/TTLT-BTC-BTTTT", "joint_circular", "2024-03-01")]
    public async Task Register_AcceptsEveryDocumentedSymbolForm(string symbol, string type, string issuedOn)
    {
        var body = Decree(1);
        body["symbol"] = symbol;
        body["type"] = type;
        body["issuedOn"] = issuedOn;
        body.Remove("effectiveOn");

        var json = await Register(body);

        Assert.That(json.Str("symbol"), Is.EqualTo(symbol));
    }

    [Test]
    public async Task Register_YearOfIssueDiffersFromSymbol_Returns400NamingIssuedOn()
    {
        var body = Decree(Unique());
        body["issuedOn"] = "2022-12-30";

        await Coordinator.Http.PostJson("/api/v1/regulations", body).ExpectProblem(400, "issuedOn");
    }

    [Test]
    public async Task Register_MissingFields_ReportsEachFieldInCamelCase()
    {
        var problem = await Coordinator.Http.PostJson("/api/v1/regulations", new JsonObject { ["title"] = "x" }).ExpectProblem(400);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "symbol", "type", "issuer", "issuedOn" }));
    }

    [Test]
    public async Task Register_TitleTooLong_Returns400NamingTitle()
    {
        await Coordinator.Http.PostJson("/api/v1/regulations", Decree(Unique(), new string('a', 1001))).ExpectProblem(400, "title");
    }

    [Test]
    public async Task Register_EffectiveBeforeIssued_Returns400()
    {
        var body = Decree(Unique());
        body["effectiveOn"] = "2023-01-01";

        await Coordinator.Http.PostJson("/api/v1/regulations", body).ExpectProblem(400, "effectiveOn");
    }

    [Test]
    public async Task Register_GuidingDocument_ShowsOnTheGuidedDocument()
    {
        var law = Decree(Unique());
        law["symbol"] = "20/2023/QH15";
        law["type"] = "law";
        law["title"] = "Luật Giao dịch điện tử";
        var lawJson = await Register(law);
        var decree = Decree(Unique());
        decree["guidesId"] = lawJson.Str("id");

        var decreeJson = await Register(decree);
        var lawRead = await Coordinator.Http.GetAsync($"/api/v1/regulations/{lawJson.Str("id")}").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(decreeJson["guides"]!.Str("symbol"), Is.EqualTo("20/2023/QH15"));
            Assert.That(lawRead["guidedBy"]!.AsArray().Select(g => g!.Str("id")), Is.EqualTo(new[] { decreeJson.Str("id") }));
        });
    }

    [Test]
    public async Task Register_GuidesUnknownDocument_Returns400NamingGuidesId()
    {
        var body = Decree(Unique());
        body["guidesId"] = Guid.NewGuid().ToString();

        await Coordinator.Http.PostJson("/api/v1/regulations", body).ExpectProblem(400, "guidesId");
    }

    [Test]
    public async Task Update_MakingAGuidanceCycle_Returns400()
    {
        var first = await Register(Decree(Unique()));
        var secondBody = Decree(Unique());
        secondBody["guidesId"] = first.Str("id");
        var second = await Register(secondBody);
        var firstBody = Decree(0);
        firstBody["symbol"] = first.Str("symbol");
        firstBody["guidesId"] = second.Str("id");

        await Coordinator.Http.PutJson($"/api/v1/regulations/{first.Str("id")}", firstBody).ExpectProblem(400, "guidesId");
    }

    [Test]
    public async Task Update_WithCurrentETag_ChangesAndReturnsNextETag()
    {
        var number = Unique();
        var created = await Register(Decree(number));

        using var response = await Coordinator.Http.PutJson(
            $"/api/v1/regulations/{created.Str("id")}", Decree(number, "Tiêu đề đã sửa"), "\"1\"");

        var json = await response.ExpectJson(200);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
            Assert.That(json["version"]!.GetValue<long>(), Is.EqualTo(2));
            Assert.That(json.Str("title"), Is.EqualTo("Tiêu đề đã sửa"));
        });
        var found = await Coordinator.Http.GetAsync("/api/v1/regulations?q=tieu de da sua").ExpectJson(200);
        Assert.That(found["items"]!.AsArray().Select(i => i!.Str("id")), Does.Contain(created.Str("id")));
    }

    [Test]
    public async Task Update_WithStaleETag_Returns412AndChangesNothing()
    {
        var number = Unique();
        var created = await Register(Decree(number));
        await Coordinator.Http.PutJson($"/api/v1/regulations/{created.Str("id")}", Decree(number, "Lần sửa thứ nhất"), "\"1\"").ExpectJson(200);

        await Coordinator.Http.PutJson($"/api/v1/regulations/{created.Str("id")}", Decree(number, "Lần sửa thứ hai"), "\"1\"").ExpectProblem(412);

        var read = await Coordinator.Http.GetAsync($"/api/v1/regulations/{created.Str("id")}").ExpectJson(200);
        Assert.That(read.Str("title"), Is.EqualTo("Lần sửa thứ nhất"));
    }

    [Test]
    public async Task Update_ToAnotherDocumentsSymbol_Returns409()
    {
        var first = await Register(Decree(Unique()));
        var second = await Register(Decree(Unique()));
        var body = Decree(0);
        body["symbol"] = first.Str("symbol");

        await Coordinator.Http.PutJson($"/api/v1/regulations/{second.Str("id")}", body).ExpectProblem(409);
    }

    [Test]
    public async Task Update_UnknownRegulation_Returns404()
    {
        await Coordinator.Http.PutJson($"/api/v1/regulations/{Guid.NewGuid()}", Decree(Unique())).ExpectProblem(404);
    }

    [Test]
    public async Task Get_UnknownRegulation_Returns404Problem()
    {
        await Coordinator.Http.GetAsync($"/api/v1/regulations/{Guid.NewGuid()}").ExpectProblem(404);
    }

    [Test]
    public async Task Register_ByReporter_Returns403()
    {
        var reporter = await CreateKey("reporter");

        await reporter.Http.PostJson("/api/v1/regulations", Decree(Unique())).ExpectProblem(403);
    }

    [Test]
    public async Task Register_ByDrafter_IsAllowed()
    {
        var drafter = await CreateKey("drafter");

        await drafter.Http.PostJson("/api/v1/regulations", Decree(Unique())).ExpectJson(201);
    }

    [Test]
    public async Task Register_SameSymbolConcurrently_CreatesOneAndAnswersTheRest409()
    {
        var number = Unique();
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Coordinator.Http.PostJson("/api/v1/regulations", Decree(number))));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        var stored = await Coordinator.Http.GetAsync($"/api/v1/regulations?symbol={number}/2023/ND-CP").ExpectJson(200);
        Assert.Multiple(() =>
        {
            Assert.That(statuses.Count(s => s == 201), Is.EqualTo(1));
            Assert.That(statuses.Count(s => s == 409), Is.EqualTo(11));
            Assert.That(stored["items"]!.AsArray(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Update_ConcurrentlyWithTheSameETag_OnlyOneWins()
    {
        var number = Unique();
        var created = await Register(Decree(number));

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Coordinator.Http.PutJson($"/api/v1/regulations/{created.Str("id")}", Decree(number, $"Bản sửa {i}"), "\"1\"")));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Multiple(() =>
        {
            Assert.That(statuses.Count(s => s == 200), Is.EqualTo(1));
            Assert.That(statuses.Count(s => s == 412), Is.EqualTo(5));
        });
    }
}
