using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Amendments;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Site;

/// <summary>
/// Site tests read the pages of a register whose figures are known by hand: on Monday 2026-03-02 four obstacles are
/// received, two accepted, one answered as not an obstacle and one left submitted; one accepted obstacle is resolved by
/// a circular issued and in force today, the other waits in an amendment due 2026-02-20, ten days overdue.
/// </summary>
public abstract class SiteTest(DatabaseProvider provider) : AmendmentTest(provider)
{
    protected const string ResolvedTitle = "Thời hạn cấp phép chồng chéo giữa hai thông tư";

    protected const string RejectedAnswer = "Đã được hướng dẫn tại Điều 7 Thông tư nên không phải vướng mắc.";

    protected const string OverdueTitle = "Sửa đổi quy định về hồ sơ cấp phép";

    protected const string OfficialEmail = "nguyen.van.c@mic.gov.vn";

    /// <summary>The pages of the site, by name and address.</summary>
    protected static readonly (string Name, string Path)[] Pages =
        [("progress", "/"), ("responsibility", "/responsibility"), ("results", "/results"), ("hotspots", "/hotspots"), ("backlog", "/backlog")];

    /// <param name="Ids">The register's things by what they are in the story.</param>
    protected sealed record CountedRegister(string IssuedSymbol, IReadOnlyList<string> PrivateTexts, CountedIds Ids);

    /// <param name="Resolved">The obstacle the circular's amendment resolved.</param>
    /// <param name="Waiting">The accepted obstacle in the overdue amendment.</param>
    /// <param name="Rejected">The obstacle answered as not one.</param>
    /// <param name="Submitted">The report still waiting for its answer.</param>
    /// <param name="Remedy">The amendment in force.</param>
    /// <param name="Overdue">The amendment ten days late.</param>
    protected sealed record CountedIds(string Resolved, string Waiting, string Rejected, string Submitted, string Remedy, string Overdue);

    protected async Task<CountedRegister> RegisterCountedByHand()
    {
        var resolved = await AcceptedObstacle(ReporterA, ResolvedTitle);
        var remedy = (await Open(OpenBody(resolved))).Str("id");
        await AdvanceTo(remedy, "submitted");
        var symbol = NewCircularSymbol();
        await Issue(remedy, IssueBody(symbol));

        var waiting = await AcceptedObstacle(ReporterB, "Hồ sơ cấp phép yêu cầu giấy tờ trùng lặp");
        var late = OpenBody(waiting);
        late["title"] = OverdueTitle;
        late["dueOn"] = "2026-02-20";
        late["responsibleOfficial"] = new JsonObject { ["name"] = "Trần Văn C", ["position"] = "Vụ trưởng", ["email"] = OfficialEmail };
        var overdue = (await Open(late)).Str("id");
        await CheckIn(overdue, "drafting");

        var rejected = (await Submit(ReporterB, Obstacle("Không phải vướng mắc", regulationId: CircularId))).Str("id");
        await Transition(Coordinator.Http, rejected, "reject", Reason(RejectedAnswer));
        var submitted = (await Submit(ReporterA, Obstacle("Chưa xử lý", regulationId: CircularId))).Str("id");

        var sample = Obstacle();
        var checkIn = CheckInBody("drafting");
        return new CountedRegister(symbol,
        [
            sample.Str("description"), sample.Str("impact"), sample.Str("contact"), checkIn.Str("note"), checkIn.Str("blockers"), OfficialEmail,
            Coordinator.KeyId.ToString(), ReporterA.KeyId.ToString(), Drafter.KeyId.ToString(), Coordinator.Secret, RegisterFactory.AdminKey,
        ], new CountedIds(resolved, waiting, rejected, submitted, remedy, overdue));
    }

    /// <summary>A page's HTML with character references decoded, as a reader (or a search for private text) sees it.</summary>
    protected static async Task<string> Text(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The rows of one of a page's open-data CSV files, header first, cells split on commas (the test data has none).</summary>
    protected static async Task<List<string[]>> Csv(HttpClient client, string page, string table, string query = "") =>
        [.. (await CsvLines(client, $"/data/{page}/{table}.csv{query}")).Select(line => line.Split(','))];

    /// <summary>The lines of an open-data CSV file, header first, without the byte order mark.</summary>
    protected static async Task<List<string>> CsvLines(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        return [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
    }
}
