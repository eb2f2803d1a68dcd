using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.Tests.Api.Amendments;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api;

/// <summary><c>Accept: text/csv</c> on the obstacle and amendment lists streams every row the filters match.</summary>
public sealed class ListCsvTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    [Test]
    public async Task TheObstacleList_AsCsv_HoldsEveryMatchingObstacle_NotOnePage_WithFormulasDisarmed()
    {
        var first = (await Submit(ReporterA, Obstacle("Thủ tục cấp phép kéo dài"))).Str("reference");
        var formula = (await Submit(ReporterA, Obstacle("=HYPERLINK(\"http://x\")"))).Str("reference");
        var third = (await Submit(ReporterB, Obstacle("Hồ sơ trùng lặp, giấy tờ; bản sao"))).Str("reference");
        var accepted = await AcceptedObstacle(ReporterB);

        var (contentType, disposition, bytes) = await Csv($"/api/v1/obstacles?status=submitted&limit=1");
        var lines = Lines(bytes);

        Assert.Multiple(() =>
        {
            Assert.That(contentType, Is.EqualTo("text/csv"));
            Assert.That(disposition, Does.Contain("obstacles.csv"));
            Assert.That(bytes.Take(3), Is.EqualTo(Encoding.UTF8.GetPreamble()), "a byte order mark, so spreadsheets read Vietnamese");
            Assert.That(lines[0], Does.StartWith("reference,title,status,category,severity,proposal,unit_code,unit_name"));
            Assert.That(lines.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(new[] { third, formula, first }), "newest first, every row though limit=1");
            Assert.That(lines[2], Does.StartWith($"{formula},\"'=HYPERLINK(\"\"http://x\"\")\",submitted"));
            Assert.That(lines[1], Does.Contain("\"Hồ sơ trùng lặp, giấy tờ; bản sao\""));
            Assert.That(string.Join('\n', lines), Does.Not.Contain(accepted), "the filters apply");
        });
    }

    [Test]
    public async Task TheAmendmentList_AsCsv_NamesTheTargetAndTheDraftingUnit()
    {
        var amendment = await Open();
        await Open(WithTitle(OpenBody(), "Bãi bỏ thủ tục cấp lại giấy phép"));

        var (contentType, _, bytes) = await Csv($"/api/v1/amendments?draftingUnitId={DraftingUnitId}&limit=1");
        var lines = Lines(bytes);
        var symbol = (await Coordinator.Http.GetAsync($"/api/v1/regulations/{CircularId}").ExpectJson(200)).Str("symbol");

        Assert.Multiple(() =>
        {
            Assert.That(contentType, Is.EqualTo("text/csv"));
            Assert.That(lines, Has.Length.EqualTo(3), "both amendments, though limit=1");
            Assert.That(lines[0], Does.StartWith("title,kind,status,due_on,days_overdue,overdue,stale,regulation_symbol,drafting_unit_code"));
            Assert.That(lines.Skip(1), Has.All.Contain($",{symbol},"));
            Assert.That(lines.Skip(1), Has.Some.StartWith($"{amendment.Str("title")},amend,planned,2026-04-30,0,false,false"));
        });
    }

    [Test]
    public async Task AStreamedList_WritesEveryPageInOrder_AndABadFilterIsStillAProblem()
    {
        var pages = new Dictionary<string, (IReadOnlyList<IReadOnlyList<string?>>, string?)>
        {
            [""] = ([["a", "1"], ["b", "2"]], "p2"),
            ["p2"] = ([["c", "3"]], "p3"),
            ["p3"] = ([["d", "=4"]], null),
        };
        var result = await CsvDownload.Stream("x.csv", ["name", "value"], (cursor, _) => Task.FromResult(pages[cursor ?? ""]), CancellationToken.None);
        var http = new DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteAsync(http);

        var problem = await Coordinator.Http.SendAsync(CsvRequest("/api/v1/obstacles?status=nonsense")).ExpectProblem(400, "status");

        Assert.Multiple(() =>
        {
            Assert.That(Lines(body.ToArray()), Is.EqualTo(new[] { "name,value", "a,1", "b,2", "c,3", "d,'=4" }));
            Assert.That(problem.Str("type"), Does.EndWith("validation"));
        });
    }

    private static System.Text.Json.Nodes.JsonObject WithTitle(System.Text.Json.Nodes.JsonObject body, string title)
    {
        body["title"] = title;
        return body;
    }

    private async Task<(string? ContentType, string? Disposition, byte[] Bytes)> Csv(string url)
    {
        using var response = await Coordinator.Http.SendAsync(CsvRequest(url));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return (response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentDisposition?.ToString(),
            await response.Content.ReadAsByteArrayAsync());
    }

    private static HttpRequestMessage CsvRequest(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        return request;
    }

    private static string[] Lines(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
}
