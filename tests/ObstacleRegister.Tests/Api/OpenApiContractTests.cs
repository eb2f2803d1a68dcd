using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api;

/// <summary>
/// What the document promises a generated client beyond shapes: which answers carry which headers, the forms a body may
/// take, and that the document itself reaches a client quickly.
/// </summary>
public sealed class OpenApiContractTests(DatabaseProvider provider) : ApiTest(provider)
{
    /// <summary>The document opens quickly: common parts written once, and sent compressed to whoever accepts it.</summary>
    [Test]
    public async Task TheDocument_IsSentCompressed_AndIsSmall()
    {
        using var client = Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        using var response = await client.SendAsync(request);
        var sent = await response.Content.ReadAsByteArrayAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "gzip" }));
            Assert.That(sent, Has.Length.LessThan(200 * 1024));
            Assert.That(new FileInfo(OpenApiDocumentTests.CommittedPath).Length, Is.LessThan(400 * 1024), "shared responses, parameters and examples keep it small");
        });
    }

    /// <summary>Issuance takes a new document or a registered one: two forms a typed client can send, each with what it requires.</summary>
    [Test]
    public async Task IssueBody_IsOneOfItsTwoForms()
    {
        using var client = Anonymous();
        var document = await client.GetAsync("/openapi/v1.json").ExpectJson(200);
        var schemas = document["components"]!["schemas"]!;
        static IEnumerable<string> Required(JsonNode schema) => schema["required"]!.AsArray().Select(r => r!.GetValue<string>());

        Assert.Multiple(() =>
        {
            Assert.That(schemas["IssueAmendmentBody"]!["oneOf"]!.AsArray().Select(o => o!["$ref"]!.GetValue<string>()),
                Is.EqualTo(new[] { "#/components/schemas/IssueNewDocumentBody", "#/components/schemas/IssueRegisteredDocumentBody" }));
            Assert.That(Required(schemas["IssueNewDocumentBody"]!), Is.EquivalentTo(new[] { "documentSymbol", "issuedOn", "effectiveOn" }));
            Assert.That(Required(schemas["IssueRegisteredDocumentBody"]!), Is.EqualTo(new[] { "regulationId" }));
            Assert.That(schemas["IssueNewDocumentBody"]!["properties"]!.AsObject().Select(p => p.Key), Does.Not.Contain("regulationId"));
        });
    }

    /// <summary>The headers a client reads besides ETag are declared where they are sent: 401's challenge, a download's name, a public answer's age.</summary>
    [Test]
    public async Task ChallengeDownloadsAndPublicAnswers_DeclareTheirHeaders_AndADownloadItsTypes()
    {
        using var client = Anonymous();
        var document = await client.GetAsync("/openapi/v1.json").ExpectJson(200);
        var paths = document["paths"]!;
        static IEnumerable<string> Headers(JsonNode response) => response["headers"]?.AsObject().Select(h => h.Key) ?? [];
        var download = paths["/api/v1/obstacles/{id}/attachments/{attachmentId}"]!["get"]!["responses"]!["200"]!;

        Assert.Multiple(() =>
        {
            Assert.That(Headers(document["components"]!["responses"]!["Unauthorized"]!), Does.Contain("WWW-Authenticate"));
            Assert.That(Headers(download), Does.Contain("Content-Disposition"));
            Assert.That(download["content"]!.AsObject().Select(c => c.Key), Does.Contain("application/pdf").And.Contain("image/jpeg").And.Not.Contain("application/octet-stream"));
            Assert.That(Headers(paths["/api/v1/obstacles/import-template"]!["get"]!["responses"]!["200"]!), Does.Contain("Content-Disposition"));
            Assert.That(Headers(paths["/api/v1/reports/progress"]!["get"]!["responses"]!["200"]!), Does.Contain("Content-Disposition"));
            Assert.That(Headers(paths["/api/v1/public/progress"]!["get"]!["responses"]!["200"]!), Is.SupersetOf(new[] { "ETag", "Age", "Cache-Control" }));
        });
    }

    /// <summary>
    /// A versioned resource's answer carries its version as ETag, read or written, and the document says so; an answer
    /// that is not a versioned resource (a created key, a comment, a check-in) carries none, and the document says none.
    /// </summary>
    [TestCase("get", "/api/v1/regulations/{id}", "200", true)]
    [TestCase("get", "/api/v1/obstacles/{id}", "200", true)]
    [TestCase("get", "/api/v1/amendments/{id}", "200", true)]
    [TestCase("get", "/api/v1/units/{id}", "200", true)]
    [TestCase("post", "/api/v1/api-keys", "201", false)]
    [TestCase("post", "/api/v1/calendar-feeds", "201", false)]
    [TestCase("post", "/api/v1/webhooks", "201", false)]
    [TestCase("post", "/api/v1/obstacles/{id}/comments", "201", false)]
    [TestCase("post", "/api/v1/obstacles/{id}/attachments", "201", false)]
    [TestCase("post", "/api/v1/amendments/{id}/progress", "201", false)]
    public async Task ETag_IsDeclaredWhereItIsSent(string method, string path, string status, bool sent)
    {
        using var client = Anonymous();
        var document = await client.GetAsync("/openapi/v1.json").ExpectJson(200);

        var headers = document["paths"]![path]![method]!["responses"]![status]!["headers"]?.AsObject().Select(h => h.Key) ?? [];

        Assert.That(headers.Contains("ETag"), Is.EqualTo(sent));
    }
}
