using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api;

/// <summary>Listing and searching regulations.</summary>
public sealed class RegulationSearchTests(DatabaseProvider provider) : RegulationTest(provider)
{
    [TestCase("chong cheo")]
    [TestCase("chồng chéo")]
    [TestCase("CHONG CHEO")]
    [TestCase("chong ch")]
    public async Task Search_MatchesVietnameseWithoutDiacritics(string q)
    {
        var match = await Register(Decree(Unique(), "Quy định chồng chéo về cấp phép viễn thông"));
        await Register(Decree(Unique(), "Quy định về thuế tài nguyên"));

        var page = await Coordinator.Http.GetAsync($"/api/v1/regulations?q={Uri.EscapeDataString(q)}").ExpectJson(200);

        Assert.That(page["items"]!.AsArray().Select(i => i!.Str("id")), Is.EqualTo(new[] { match.Str("id") }));
    }

    [Test]
    public async Task Search_FoldsDStrokeAndDecomposedInput()
    {
        var match = await Register(Decree(Unique(), "Quy định về đấu thầu qua mạng"));
        var decomposed = "đấu thầu".Normalize(System.Text.NormalizationForm.FormD);

        var plain = await Coordinator.Http.GetAsync("/api/v1/regulations?q=dau%20thau").ExpectJson(200);
        var nfd = await Coordinator.Http.GetAsync($"/api/v1/regulations?q={Uri.EscapeDataString(decomposed)}").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(plain["items"]!.AsArray().Select(i => i!.Str("id")), Is.EqualTo(new[] { match.Str("id") }));
            Assert.That(nfd["items"]!.AsArray().Select(i => i!.Str("id")), Is.EqualTo(new[] { match.Str("id") }));
        });
    }

    [Test]
    public async Task Search_BySymbolWithoutDiacritics_FindsTheDocument()
    {
        var number = Unique();
        var created = await Register(Decree(number));

        var bySymbol = await Coordinator.Http.GetAsync($"/api/v1/regulations?symbol={number}/2023/nd-cp").ExpectJson(200);
        var byWords = await Coordinator.Http.GetAsync($"/api/v1/regulations?q={number}/2023/ND-CP").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(bySymbol["items"]!.AsArray().Select(i => i!.Str("id")), Is.EqualTo(new[] { created.Str("id") }));
            Assert.That(byWords["items"]!.AsArray().Select(i => i!.Str("id")), Is.EqualTo(new[] { created.Str("id") }));
        });
    }

    [Test]
    public async Task List_FiltersByTypeAndStatus()
    {
        var decree = await Register(Decree(Unique(), "Văn bản lọc theo loại"));
        var circular = Decree(Unique(), "Văn bản lọc theo loại");
        circular["symbol"] = $"{Unique()}/2023/TT-BTTTT";
        circular["type"] = "circular";
        circular["status"] = "amended";
        var circularJson = await Register(circular);

        var circulars = await Coordinator.Http.GetAsync("/api/v1/regulations?q=loc theo loai&type=circular").ExpectJson(200);
        var inForce = await Coordinator.Http.GetAsync("/api/v1/regulations?q=loc theo loai&status=in_force").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(circulars["items"]!.AsArray().Select(i => i!.Str("id")), Is.EqualTo(new[] { circularJson.Str("id") }));
            Assert.That(inForce["items"]!.AsArray().Select(i => i!.Str("id")), Is.EqualTo(new[] { decree.Str("id") }));
        });
    }

    [Test]
    public async Task List_PagesWithCursorInStableOrderWithoutRepeats()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            Clock.Now = Clock.Now.AddSeconds(1);
            ids.Add((await Register(Decree(Unique(), "Văn bản phân trang"))).Str("id"));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var url = "/api/v1/regulations?q=phan trang&limit=2" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await Coordinator.Http.GetAsync(url).ExpectJson(200);
            seen.AddRange(page["items"]!.AsArray().Select(i => i!.Str("id")));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.That(seen, Is.EqualTo(ids));
    }

    [TestCase("limit=0", "limit")]
    [TestCase("limit=201", "limit")]
    [TestCase("limit=abc", "limit")]
    [TestCase("cursor=not-a-cursor", "cursor")]
    [TestCase("type=decre", "type")]
    [TestCase("status=alive", "status")]
    public async Task List_BadQueryParameter_Returns400NamingIt(string query, string field)
    {
        await Coordinator.Http.GetAsync($"/api/v1/regulations?{query}").ExpectProblem(400, field);
    }
}
