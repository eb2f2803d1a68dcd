using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Obstacles;

/// <summary>Spreadsheet intake tests start with a circular beside the decree, and send sheets as a unit would.</summary>
public abstract class ImportTest(DatabaseProvider provider) : ObstacleTest(provider)
{
    protected static readonly string[] EnglishHeader =
        ["title", "description", "category", "severity", "proposal", "impact", "contact", "regulation_1", "provision_1", "regulation_2", "provision_2"];

    protected string Circular { get; private set; } = "";

    [SetUp]
    public async Task RegisterCircular()
    {
        Circular = $"{Unique()}/2024/TT-BTTTT";
        await Coordinator.Http.PostJson("/api/v1/regulations", new JsonObject
        {
            ["symbol"] = Circular, ["type"] = "circular", ["title"] = "Thông tư hướng dẫn cấp phép", ["issuer"] = "Bộ Thông tin và Truyền thông",
            ["issuedOn"] = "2024-02-01",
        }).ExpectJson(201);
    }


    /// <summary>A row every rule accepts, citing Article 5 of the regulation with that symbol.</summary>
    protected static string?[] Good(string symbol) =>
        ["Quy định cấp phép chồng chéo", "Hai văn bản cùng điều chỉnh một thủ tục.", "overlap", "high", "amend", "", "", symbol, "Điều 5"];

    protected async Task<string> SymbolOf(string regulationId) =>
        (await Coordinator.Http.GetAsync($"/api/v1/regulations/{regulationId}").ExpectJson(200)).Str("symbol");

    protected static string Undiacritic(string symbol) => symbol.Replace("Đ", "D", StringComparison.Ordinal);

    protected static async Task<HttpResponseMessage> Get(HttpClient client, string path, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return response;
    }

    protected static Task<HttpResponseMessage> Import(HttpClient client, byte[] content, string name, string query = "") =>
        client.SendAsync(ImportRequest(content, name, query));

    protected static HttpRequestMessage ImportRequest(byte[] content, string name, string query = "", string? key = null)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/obstacles/imports" + query) { Content = new MultipartFormDataContent { { file, "file", name } } };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }
}
