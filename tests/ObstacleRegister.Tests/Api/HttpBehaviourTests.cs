using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api;

public sealed class HttpBehaviourTests(DatabaseProvider provider) : ApiTest(provider)
{
    private static readonly string[] PublicPaths =
    [
        "/health/live", "/health/ready", "/openapi/{documentName}.json", "/api/v1/public/progress", "/api/v1/public/amendments", "/api/v1/public/obstacles",
        // Calendar programs cannot send a key: the secret address is the credential.
        "/api/v1/calendar/{token}",
        // The public site: each page, its figures as JSON and its tables as CSV, and its stylesheet.
        "/", "/responsibility", "/results", "/hotspots", "/backlog", "/site.css",
        .. new[] { "progress", "responsibility", "results", "hotspots", "backlog" }.SelectMany(p => new[] { $"/data/{p}.json", $"/data/{p}/{{table}}.csv" }),
        // Open data: the documents', work's and results' pages, ELI addresses, feeds, the catalogue and the dumps.
        "/regulations/{id:guid}", "/amendments/{id:guid}", "/obstacles/{id:guid}", "/eli/vn/{type}/{year:int}/{number}/{**provision}",
        "/feeds/all.atom", "/feeds/regulations/{id:guid}.atom", "/feeds/units/{id:guid}.atom",
        "/data", "/data/catalog.jsonld", "/data/regulations.csv", "/data/amendments.csv", "/data/obstacles.csv",
        // Signing in and out (a page and its form each), and the staff pages' stylesheet.
        "/signin", "/signin", "/signin/link", "/signin/link", "/signout", "/desk.css",
    ];

    [Test]
    public async Task MalformedJson_Returns400ProblemUnderTheTestHostToo()
    {
        await Admin.PostAsync("/api/v1/units", RawJson("{\"code\": \"AB\", ")).ExpectProblem(400, "body");
    }

    [Test]
    public async Task UnknownQueryParameter_Returns400NamingIt_WhileDeclaredOnesWork()
    {
        var problem = await Admin.GetAsync("/api/v1/units?kind=ministry&satus=accepted").ExpectProblem(400, "satus");
        await Admin.GetAsync("/api/v1/units?kind=ministry&limit=5").ExpectJson(200);

        Assert.That(problem["errors"]!["satus"]![0]!.GetValue<string>(), Does.Contain("kind").And.Contain("limit"), "names what it takes");
    }

    [Test]
    public async Task AcceptCsv_OnAnOperationWithoutCsv_Is406_AndOnAReportGivesCsv()
    {
        using var listing = new HttpRequestMessage(HttpMethod.Get, "/api/v1/units");
        listing.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("text/csv"));
        var refused = await Admin.SendAsync(listing).ExpectProblem(406);
        using var report = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/progress?period=week");
        report.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await Admin.SendAsync(report);

        Assert.Multiple(() =>
        {
            Assert.That(refused.Str("type"), Does.EndWith("not-acceptable"));
            Assert.That((int)csv.StatusCode, Is.EqualTo(200));
            Assert.That(csv.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        });
    }

    [Test]
    public async Task UnknownProperty_Returns400NamingIt()
    {
        var problem = await Admin.PostAsync("/api/v1/units", RawJson("{\"code\":\"AB\",\"name\":\"x\",\"kind\":\"other\",\"colour\":\"red\"}"))
            .ExpectProblem(400, "colour");

        Assert.That(problem["errors"]!["colour"]![0]!.GetValue<string>(), Does.Contain("not a field"));
    }

    [TestCase("{\"code\":\"AB\",\"name\":\"x\",\"kind\":1}", "kind")]
    [TestCase("{\"code\":12,\"name\":\"x\",\"kind\":\"other\"}", "code")]
    [TestCase("{\"code\":\"AB\",\"name\":\"x\",\"kind\":\"other\",\"parentId\":\"nope\"}", "parentId")]
    public async Task WrongType_Returns400NamingTheField(string body, string field)
    {
        await Admin.PostAsync("/api/v1/units", RawJson(body)).ExpectProblem(400, field);
    }

    [Test]
    public async Task NumberAsString_IsRejected()
    {
        await Admin.GetAsync("/api/v1/units?limit=%2210%22").ExpectProblem(400, "limit");
    }

    [Test]
    public async Task BodyOverOneMegabyte_Returns413()
    {
        var title = new string('a', 1024 * 1024);
        var body = $"{{\"code\":\"AB\",\"name\":\"{title}\",\"kind\":\"other\"}}";

        await Admin.PostAsync("/api/v1/units", RawJson(body)).ExpectProblem(413);
    }

    [Test]
    public async Task ChunkedBodyOverOneMegabyte_Returns413()
    {
        var bytes = Encoding.UTF8.GetBytes($"{{\"code\":\"AB\",\"name\":\"{new string('a', 1100 * 1024)}\",\"kind\":\"other\"}}");
        using var content = new StreamContent(new NonSeekableStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        await Admin.PostAsync("/api/v1/units", content).ExpectProblem(413);
    }

    [Test]
    public async Task WrongContentType_Returns415Problem()
    {
        using var content = new StringContent("code=AB", Encoding.UTF8, "text/plain");

        await Admin.PostAsync("/api/v1/units", content).ExpectProblem(415);
    }

    [Test]
    public async Task UnknownRoute_Returns404Problem()
    {
        await Admin.GetAsync("/api/v1/nothing-here").ExpectProblem(404);
    }

    [Test]
    public async Task EveryEndpoint_ExceptHealthAndOpenApi_RequiresAKeyOrASession()
    {
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.That(anonymous, Is.EquivalentTo(PublicPaths), "only health, the OpenAPI document, the public pages and secret calendar addresses may be open");

        using var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/').Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            foreach (var method in methods)
            {
                var staffPage = path.StartsWith("/desk", StringComparison.Ordinal);
                using var request = new HttpRequestMessage(new HttpMethod(method), path)
                {
                    Content = staffPage ? new FormUrlEncodedContent([]) : RawJson("{}"),
                };
                using var response = await client.SendAsync(request);
                if (staffPage)
                {
                    // A staff page sends whoever has no session to sign in, and back here after.
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"{method} {path}");
                    Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo("/signin"), $"{method} {path}");
                    continue;
                }

                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"{method} {path}");
            }
        }
    }

    [Test]
    public async Task Health_LiveAndReadyAnswerWithoutKey()
    {
        using var client = Anonymous();
        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Multiple(() =>
        {
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task SwaggerUi_IsServedWithoutKey()
    {
        using var client = Anonymous();
        using var response = await client.GetAsync("/swagger/index.html");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("swagger-ui"));
    }

    [Test]
    public async Task OpenApi_DescribesOperationsSecurityEnumsAndExamples()
    {
        using var client = Anonymous();
        var doc = await client.GetAsync("/openapi/v1.json").ExpectJson(200);

        var scheme = doc["components"]!["securitySchemes"]!["ApiKey"]!;
        var authorization = doc["components"]!["securitySchemes"]!["ApiKeyAuthorization"]!;
        var registerRegulation = doc["paths"]!["/api/v1/regulations"]!["post"]!;
        var schemas = doc["components"]!["schemas"]!.AsObject();
        var regulationType = schemas["RegulationType"]!;
        var limit = OpenApiNodes.Parameters(doc, doc["paths"]!["/api/v1/regulations"]!["get"]!).First(p => p.Str("name") == "limit");
        Assert.Multiple(() =>
        {
            Assert.That(scheme.Str("type"), Is.EqualTo("apiKey"));
            Assert.That(scheme.Str("name"), Is.EqualTo("X-Api-Key"));
            Assert.That((authorization.Str("type"), authorization.Str("scheme")), Is.EqualTo(("http", "ApiKey")), "Authorization: ApiKey <key>");
            Assert.That(registerRegulation["security"]!.AsArray().Select(r => r!.AsObject().Single().Key),
                Is.EquivalentTo(new[] { "ApiKey", "ApiKeyAuthorization" }), "either form of the key");
            Assert.That(registerRegulation.Str("summary"), Is.Not.Empty);
            Assert.That(registerRegulation["security"]!.AsArray(), Is.Not.Empty);
            Assert.That(registerRegulation["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "201", "400", "401", "403", "409" }));
            Assert.That(regulationType["enum"]!.AsArray().Select(e => e!.GetValue<string>()), Does.Contain("national_assembly_resolution"));
            Assert.That(schemas["RegulationBody"]!["examples"]!.AsArray(), Is.Not.Empty);
            Assert.That(limit["schema"]!["type"]!.ToJsonString(), Does.Contain("integer").And.Not.Contain("string"));
            Assert.That(regulationType.Str("type"), Is.EqualTo("string"));
            Assert.That(schemas["RegulationBody"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()),
                Is.EquivalentTo(new[] { "symbol", "type", "title", "issuer", "issuedOn" }));
        });
    }

    [Test]
    public async Task OpenApi_EveryOperationHasANameSummaryAndExampleBodies()
    {
        using var client = Anonymous();
        var doc = await client.GetAsync("/openapi/v1.json").ExpectJson(200);
        var schemas = doc["components"]!["schemas"]!.AsObject();
        var operations = doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Name: $"{o.Key} {p.Key}", Operation: o.Value!))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(operations, Has.Count.GreaterThan(15));
            foreach (var (name, operation) in operations)
            {
                Assert.That(operation["operationId"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty, name);
                Assert.That(operation["summary"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty, name);
                var reference = operation["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>();
                if (reference is not null)
                {
                    var schema = schemas[reference.Split('/')[^1]]!;
                    Assert.That(schema["examples"]?.AsArray(), Is.Not.Null.And.Not.Empty, $"{name}: example body");
                }
            }

            var submit = doc["paths"]!["/api/v1/obstacles"]!["post"]!;
            Assert.That(OpenApiNodes.Parameters(doc, submit).Select(p => p.Str("name")), Does.Contain("Idempotency-Key"));
        });
    }

    /// <summary>A body of unknown length, sent chunked, as a streaming client would.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    /// <summary>HEAD is answered wherever GET is, with GET's status and headers and no body: monitors and link checkers see the site up.</summary>
    [TestCase("/", 200)]
    [TestCase("/data/progress.json", 200)]
    [TestCase("/api/v1/public/progress", 200)]
    [TestCase("/openapi/v1.json", 200)]
    [TestCase("/health/live", 200)]
    [TestCase("/api/v1/units", 401)]
    public async Task Head_WithoutAKey_AnswersAsGetWould_WithoutABody(string path, int status)
    {
        using var client = Anonymous();
        using var get = await client.GetAsync(path);

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Multiple(async () =>
        {
            Assert.That((int)head.StatusCode, Is.EqualTo(status));
            Assert.That((int)get.StatusCode, Is.EqualTo(status));
            Assert.That(head.Content.Headers.ContentType?.MediaType, Is.EqualTo(get.Content.Headers.ContentType?.MediaType));
            Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);
        });
    }

    [Test]
    public async Task Head_WithAKey_IsAnsweredWithTheResourcesETag()
    {
        var created = await Admin.PostJson("/api/v1/units", new JsonObject { ["code"] = $"H{Unique()}", ["name"] = "Sở Tư pháp", ["kind"] = "province" }).ExpectJson(201);

        using var head = await Admin.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/v1/units/{created.Str("id")}"));

        Assert.Multiple(() =>
        {
            Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(head.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
        });
    }
}
