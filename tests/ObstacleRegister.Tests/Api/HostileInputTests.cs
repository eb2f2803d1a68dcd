using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api;

/// <summary>No input, however odd, makes any endpoint answer 500: every write endpoint gets a batch of hostile bodies.</summary>
public sealed class HostileInputTests(DatabaseProvider provider) : ApiTest(provider)
{
    private static readonly string[] Bodies =
    [
        "null", "[]", "\"text\"", "42", "{}", "{\"title\":null,\"symbol\":null}", "{\"symbol\":{\"nested\":true}}",
        "{\"roles\":[null]}", "{\"unitId\":\"\"}", "{\"limit\":1e999}", "{\"issuedOn\":\"2023-02-30\"}",
        "{\"code\":\"\\ud800\"}", "{\"name\":\"\\u0000\"}", "{\"symbol\":\"13/2023/NĐ-CP\",\"type\":\"decree\",\"title\":\"x\",\"issuer\":\"x\",\"issuedOn\":\"0001-01-01\"}",
        new string('[', 5000) + new string(']', 5000), "{\"a\":" + new string('1', 4000) + "}", "\u00ff\u00fe", "",
    ];

    [Test]
    public async Task WriteEndpoints_AnswerHostileBodiesWithoutServerErrors()
    {
        var admin = await CreateKey("admin", "coordinator", "drafter", "reporter");
        var writes = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, e.RoutePattern.RawText)))
            .Where(e => e.Method is "POST" or "PUT" or "PATCH")
            .ToList();
        Assert.That(writes, Is.Not.Empty);

        var failures = new List<string>();
        foreach (var (method, pattern) in writes)
        {
            var path = "/" + pattern!.TrimStart('/').Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            foreach (var body in Bodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = RawJson(body) };
                using var response = await admin.Http.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{method} {path} with {body[..Math.Min(body.Length, 40)]}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [TestCase("/api/v1/regulations?q=%00%ff")]
    [TestCase("/api/v1/regulations?q=a%20b%20c%20d%20e%20f%20g%20h%20i")]
    [TestCase("/api/v1/regulations?guidesId=not-a-guid")]
    [TestCase("/api/v1/regulations?symbol=%27%3B%20DROP%20TABLE%20regulation%3B--")]
    [TestCase("/api/v1/units?parentId=1")]
    [TestCase("/api/v1/units?cursor=eyJ4IjoxfQ")]
    [TestCase("/api/v1/regulations/not-a-guid")]
    [TestCase("/api/v1/amendments?cursor=eyJ4IjoxfQ")]
    [TestCase("/api/v1/amendments?dueBefore=2026-02-30&overdue=1")]
    [TestCase("/api/v1/amendments?kind=%00")]
    [TestCase("/api/v1/deadlines?unitId=x&withinDays=-1")]
    [TestCase("/api/v1/deadlines?withinDays=99999999999")]
    public async Task OddQueries_AreAnsweredWithoutServerErrors(string url)
    {
        using var response = await Admin.GetAsync(url);

        Assert.That((int)response.StatusCode, Is.LessThan(500), await response.Content.ReadAsStringAsync());
    }
}
