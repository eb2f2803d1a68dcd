using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api;

/// <summary>Regulation tests start with a coordinator key.</summary>
public abstract class RegulationTest(DatabaseProvider provider) : ApiTest(provider)
{
    private KeyedClient coordinator = null!;

    protected KeyedClient Coordinator => coordinator;

    [SetUp]
    public async Task CreateCoordinator() => coordinator = await CreateKey("coordinator");

    [TearDown]
    public void DisposeCoordinator() => coordinator.Http.Dispose();

    protected static JsonObject Decree(int number, string title = "Nghị định quy định chi tiết một số điều của Luật Giao dịch điện tử") => new()
    {
        ["symbol"] = $"{number}/2023/NĐ-CP",
        ["type"] = "decree",
        ["title"] = title,
        ["issuer"] = "Chính phủ",
        ["issuedOn"] = "2023-04-17",
        ["effectiveOn"] = "2023-07-01",
    };

    protected async Task<JsonNode> Register(JsonObject body) =>
        await coordinator.Http.PostJson("/api/v1/regulations", body).ExpectJson(201);
}
