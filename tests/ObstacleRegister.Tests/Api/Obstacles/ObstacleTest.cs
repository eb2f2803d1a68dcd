using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Obstacles;

/// <summary>Obstacle tests start with a coordinator, two reporting units and a decree to cite.</summary>
public abstract class ObstacleTest(DatabaseProvider provider) : ApiTest(provider)
{
    protected KeyedClient Coordinator { get; private set; } = null!;

    protected KeyedClient ReporterA { get; private set; } = null!;

    protected KeyedClient ReporterB { get; private set; } = null!;

    protected string DecreeId { get; private set; } = "";

    [SetUp]
    public async Task CreateActors()
    {
        Coordinator = await CreateKey("coordinator");
        ReporterA = await CreateKey("reporter");
        ReporterB = await CreateKey("reporter");
        var decree = await Coordinator.Http.PostJson("/api/v1/regulations", new JsonObject
        {
            ["symbol"] = $"{Unique()}/2023/NĐ-CP", ["type"] = "decree", ["title"] = "Nghị định về cấp phép viễn thông",
            ["issuer"] = "Chính phủ", ["issuedOn"] = "2023-04-17",
        }).ExpectJson(201);
        DecreeId = decree.Str("id");
    }

    [TearDown]
    public void DisposeActors()
    {
        Coordinator.Http.Dispose();
        ReporterA.Http.Dispose();
        ReporterB.Http.Dispose();
    }

    protected JsonObject Obstacle(string title = "Quy định chồng chéo về cấp phép", string provision = "Điều 5, khoản 2", string? regulationId = null) => new()
    {
        ["title"] = title,
        ["description"] = "Hai văn bản quy định khác nhau về thời hạn cấp phép, doanh nghiệp không biết áp dụng văn bản nào.",
        ["category"] = "conflict",
        ["severity"] = "high",
        ["proposal"] = "amend",
        ["impact"] = "Hơn 200 doanh nghiệp viễn thông bị chậm cấp phép.",
        ["contact"] = "Nguyễn Văn A, Vụ Pháp chế, 024 3943 0000",
        ["regulations"] = new JsonArray(new JsonObject { ["regulationId"] = regulationId ?? DecreeId, ["provision"] = provision }),
    };

    protected async Task<JsonNode> Submit(KeyedClient reporter, JsonObject? body = null) =>
        await reporter.Http.PostJson("/api/v1/obstacles", body ?? Obstacle()).ExpectJson(201);

    protected static async Task<(JsonNode Body, string? ETag)> Send(
        HttpClient client, string path, JsonNode? body = null, string? ifMatch = null, int status = 200, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request);
        return (await response.ExpectJson(status), response.Headers.ETag?.Tag);
    }

    protected static async Task<JsonNode> Transition(HttpClient client, string id, string action, JsonNode? body = null, int status = 200) =>
        (await Send(client, $"/api/v1/obstacles/{id}/{action}", body, status: status)).Body;

    protected static JsonObject Reason(string reason) => new() { ["reason"] = reason };

    protected static IEnumerable<string> Ids(JsonNode page) => page["items"]!.AsArray().Select(i => i!.Str("id"));

    /// <summary>
    /// A search page. SQL Server fills its full-text index a few seconds after a write, so there the search
    /// is repeated until it finds something or ten seconds pass; SQLite's index is part of the write.
    /// </summary>
    protected async Task<JsonNode> Search(HttpClient client, string url)
    {
        var deadline = DateTime.UtcNow.AddSeconds(Provider == DatabaseProvider.SqlServer ? 10 : 0);
        while (true)
        {
            var page = await client.GetAsync(url).ExpectJson(200);
            if (page["items"]!.AsArray().Count > 0 || DateTime.UtcNow >= deadline)
            {
                return page;
            }

            await Task.Delay(250);
        }
    }
}
