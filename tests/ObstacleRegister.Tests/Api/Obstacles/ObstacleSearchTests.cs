using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Obstacles;

/// <summary><c>q</c> finds what people type: a reference, a cited regulation's symbol either way, a provision, and words.</summary>
public sealed class ObstacleSearchTests(DatabaseProvider provider) : ObstacleTest(provider)
{
    private string decreeSymbol = "";
    private string otherId = "";
    private readonly Dictionary<string, string> ids = [];

    [SetUp]
    public async Task SubmitCitations()
    {
        decreeSymbol = (await Coordinator.Http.GetAsync($"/api/v1/regulations/{DecreeId}").ExpectJson(200)).Str("symbol");
        otherId = (await Coordinator.Http.PostJson("/api/v1/regulations", new JsonObject
        {
            ["symbol"] = $"{Unique()}/2024/TT-BTTTT", ["type"] = "circular", ["title"] = "Thông tư về hồ sơ cấp phép",
            ["issuer"] = "Bộ Thông tin và Truyền thông", ["issuedOn"] = "2024-01-15",
        }).ExpectJson(201)).Str("id");
        ids["decree 5.2"] = (await Submit(ReporterA, Obstacle("Thời hạn cấp phép chồng chéo", "Điều 5, khoản 2"))).Str("id");
        ids["decree 5.3"] = (await Submit(ReporterA, Obstacle("Hồ sơ cấp phép trùng lặp", "Điều 5, khoản 3"))).Str("id");
        ids["decree 15"] = (await Submit(ReporterB, Obstacle("Điều kiện kinh doanh bất hợp lý", "Điều 15"))).Str("id");
        ids["circular 5"] = (await Submit(ReporterB, Obstacle("Biểu mẫu không thống nhất", "Điều 5", otherId))).Str("id");
    }

    [Test]
    public async Task ASymbol_TypedEitherWay_FindsTheObstaclesCitingThatRegulation()
    {
        var withDiacritics = await Found($"q={Uri.EscapeDataString(decreeSymbol)}");
        var without = await Found($"q={Uri.EscapeDataString(decreeSymbol.Replace("Đ", "D", StringComparison.Ordinal).ToLowerInvariant())}");

        Assert.Multiple(() =>
        {
            Assert.That(withDiacritics, Is.EquivalentTo(new[] { "decree 5.2", "decree 5.3", "decree 15" }));
            Assert.That(without, Is.EquivalentTo(withDiacritics));
        });
    }

    [Test]
    public async Task AProvision_FindsThatArticleOnly_AndAClauseNarrowsIt()
    {
        var article = await Found("q=dieu%205");
        var clause = await Found("q=%C4%91i%E1%BB%81u%205%20kho%E1%BA%A3n%202");
        var ofTheDecree = await Found($"q={Uri.EscapeDataString(decreeSymbol.Replace("Đ", "D", StringComparison.Ordinal))}%20dieu%205");

        Assert.Multiple(() =>
        {
            Assert.That(article, Is.EquivalentTo(new[] { "decree 5.2", "decree 5.3", "circular 5" }), "not Điều 15, not every Điều");
            Assert.That(clause, Is.EquivalentTo(new[] { "decree 5.2" }));
            Assert.That(ofTheDecree, Is.EquivalentTo(new[] { "decree 5.2", "decree 5.3" }));
        });
    }

    [Test]
    public async Task AReference_FindsThatObstacle_WordsStillNarrow_AndAnUnknownSymbolFindsNothing()
    {
        var reference = (await Coordinator.Http.GetAsync($"/api/v1/obstacles/{ids["decree 5.3"]}").ExpectJson(200)).Str("reference");

        var byReference = await Found($"q={reference.ToLowerInvariant()}");
        var wordsAndSymbol = await Found($"q=trung%20lap%20{Uri.EscapeDataString(decreeSymbol)}");
        var unknown = await Found("q=999/2099/ND-CP");

        Assert.Multiple(() =>
        {
            Assert.That(byReference, Is.EqualTo(new[] { "decree 5.3" }));
            Assert.That(wordsAndSymbol, Is.EqualTo(new[] { "decree 5.3" }));
            Assert.That(unknown, Is.Empty);
        });
    }

    private async Task<List<string>> Found(string query)
    {
        var page = await Search(Coordinator.Http, $"/api/v1/obstacles?{query}&limit=50");
        var names = ids.ToDictionary(p => p.Value, p => p.Key);
        return Ids(page).Select(id => names.GetValueOrDefault(id, id)).ToList();
    }
}
