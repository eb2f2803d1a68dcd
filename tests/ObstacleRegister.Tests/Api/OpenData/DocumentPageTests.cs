using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Site;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.OpenData;

/// <summary>
/// The public pages of a regulation, an amendment and an obstacle, their schema.org JSON-LD read back as linked data,
/// and the ELI addresses that lead to them.
/// </summary>
public sealed partial class DocumentPageTests(DatabaseProvider provider) : SiteTest(provider)
{
    [Test]
    public async Task ARegulationPage_ShowsItsStatusWorkAndOpenObstacles_AndDescribesItAsLegislation()
    {
        var register = await RegisterCountedByHand();
        var circular = await Coordinator.Http.GetAsync($"/api/v1/regulations/{CircularId}").ExpectJson(200);
        using var anonymous = Anonymous();

        var page = await Text(await anonymous.GetAsync($"/regulations/{CircularId}"));
        var legislation = LinkedData(page).Single();
        var english = await Text(await anonymous.GetAsync($"/regulations/{CircularId}?lang=en"));

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain($"<h1>{circular.Str("symbol")}</h1>"));
            Assert.That(page, Does.Contain("Đã được sửa đổi"), "its status: amended by the circular issued today");
            Assert.That(page, Does.Contain(register.IssuedSymbol).And.Contain($"href=\"/regulations/"), "the document that changed it, linked");
            Assert.That(page, Does.Contain(OverdueTitle).And.Contain($"href=\"/amendments/{register.Ids.Overdue}\""), "the work under way");
            Assert.That(page, Does.Contain($"href=\"/obstacles/{register.Ids.Waiting}\""), "the open public obstacle");
            Assert.That(page, Does.Contain("id=\"art_5\"").And.Contain("id=\"art_5_cl_2\""), "the provisions' places, where ELI addresses lead");
            Assert.That(page, Does.Not.Contain("Chưa xử lý"), "a report waiting for its answer is not shown by title");
            Assert.That(page, Does.Not.Contain($"/obstacles/{register.Ids.Resolved}\""), "resolved obstacles are not open ones");
            Assert.That(page, Does.Contain($"<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feeds/regulations/{CircularId}.atom\""));
            Assert.That(english, Does.Contain("Open obstacles by provision").And.Contain("Article 5"));

            Assert.That(legislation["@type"]!.GetValue<string>(), Is.EqualTo($"{LinkedDataContext}Legislation"));
            Assert.That(Value(legislation, "legislationIdentifier"), Is.EqualTo(circular.Str("symbol")));
            Assert.That(Value(legislation, "legislationLegalForce"), Is.EqualTo("https://schema.org/InForce"), "amended, still in force");
            Assert.That(Value(legislation, "legislationType"), Is.EqualTo("Thông tư"));
            Assert.That(legislation["@id"]!.GetValue<string>(), Does.EndWith($"/eli/vn/circular/2024/{circular.Str("symbol").Split('/')[0]}-tt-btttt"));
            Assert.That(Value(legislation["legislationResponsible"]!.AsObject(), "name"), Is.EqualTo("Bộ Thông tin và Truyền thông"));
            Assert.That(legislation["hasPart"]!.AsArray().Select(p => p!["@id"]!.GetValue<string>()), Has.Some.EndWith("/art_5/cl_2"));
        });
    }

    [Test]
    public async Task TheIssuedDocument_SaysWhatItChanges()
    {
        var register = await RegisterCountedByHand();
        using var anonymous = Anonymous();
        var issuedId = (await Coordinator.Http.GetAsync($"/api/v1/amendments/{register.Ids.Remedy}").ExpectJson(200))["issuedDocument"]!.Str("regulationId");

        var legislation = LinkedData(await Text(await anonymous.GetAsync($"/regulations/{issuedId}"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(Value(legislation, "legislationIdentifier"), Is.EqualTo(register.IssuedSymbol));
            Assert.That(legislation["legislationChanges"]!.AsArray().Select(c => c!["@id"]!.GetValue<string>()), Has.One.Contains("/eli/vn/circular/2024/"));
            Assert.That(Value(legislation, "legislationDateOfApplicability"), Is.EqualTo("2026-03-02"));
        });
    }

    [Test]
    public async Task AnObstaclePage_ExistsOnlyOncePublic_WithItsTimelineAndWhatResolvedIt()
    {
        var register = await RegisterCountedByHand();
        using var anonymous = Anonymous();

        var resolved = await Text(await anonymous.GetAsync($"/obstacles/{register.Ids.Resolved}?lang=en"));
        var rejected = await Text(await anonymous.GetAsync($"/obstacles/{register.Ids.Rejected}"));
        using var submitted = await anonymous.GetAsync($"/obstacles/{register.Ids.Submitted}");
        using var unknown = await anonymous.GetAsync($"/obstacles/{Guid.NewGuid()}");
        var cited = LinkedData(resolved);

        Assert.Multiple(() =>
        {
            Assert.That(resolved, Does.Contain(ResolvedTitle).And.Contain(register.IssuedSymbol), "resolved by the circular issued today");
            Assert.That(TimelineSteps(resolved), Is.EqualTo(new[] { "Submitted", "Accepted", "In amendment", "Resolved" }));
            Assert.That(resolved, Does.Contain("href=\"/eli/vn/circular/2024/").And.Contain("/art_5/cl_2\""), "the provision it cites, by its ELI address");
            Assert.That(cited.Select(c => Value(c, "legislationIdentifier")), Does.Contain(register.IssuedSymbol));
            Assert.That(rejected, Does.Contain(RejectedAnswer));
            Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a report waiting for its answer has no page");
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task AnAmendmentPage_ShowsWhoAnswersForItByWhenAndItsStages()
    {
        var register = await RegisterCountedByHand();
        using var anonymous = Anonymous();

        var overdue = await Text(await anonymous.GetAsync($"/amendments/{register.Ids.Overdue}"));
        var remedy = await Text(await anonymous.GetAsync($"/amendments/{register.Ids.Remedy}?lang=en"));
        var described = LinkedData(remedy);

        Assert.Multiple(() =>
        {
            Assert.That(overdue, Does.Contain($"<h1>{OverdueTitle}</h1>").And.Contain("Trần Văn C, Vụ trưởng").And.Contain("20/02/2026"));
            Assert.That(overdue, Does.Contain("<dd class=\"late\">10</dd>"), "ten days overdue");
            Assert.That(overdue, Does.Contain($"href=\"/obstacles/{register.Ids.Waiting}\""));
            Assert.That(overdue, Does.Not.Contain(OfficialEmail), "the official's address is not the public's");
            Assert.That(TimelineSteps(remedy), Is.EqualTo(new[] { "Planned", "Drafting", "Consultation", "Appraisal", "Submitted for signature", "Issued", "In force" }));
            Assert.That(described, Has.Count.EqualTo(2), "the document it targets and the one it issued");
            Assert.That(described[1]["legislationChanges"]!.AsArray().Single()!["@id"]!.GetValue<string>(), Is.EqualTo(described[0]["@id"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task AnEliAddress_FoldsTheSymbol_AndLeadsToTheDocumentsPage()
    {
        var symbol = $"{Unique()}/2022/NĐ-CP";
        var decree = await RegisterRegulation(symbol, "decree", "Nghị định quy định chi tiết");
        var number = symbol.Split('/')[0];
        using var anonymous = new HttpClient(Factory.Server.CreateHandler()) { BaseAddress = Factory.Server.BaseAddress };

        using var document = await anonymous.GetAsync($"/eli/vn/decree/2022/{number}-nd-cp");
        using var provision = await anonymous.GetAsync($"/eli/vn/decree/2022/{number}-nd-cp/art_5/cl_2/pt_a");
        using var wrongType = await anonymous.GetAsync($"/eli/vn/circular/2022/{number}-nd-cp");
        using var wrongYear = await anonymous.GetAsync($"/eli/vn/decree/2021/{number}-nd-cp");
        using var notAProvision = await anonymous.GetAsync($"/eli/vn/decree/2022/{number}-nd-cp/chapter_2");
        var page = await Text(await anonymous.GetAsync($"/regulations/{decree}"));

        Assert.Multiple(() =>
        {
            Assert.That(document.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            Assert.That(document.Headers.Location!.OriginalString, Is.EqualTo($"/regulations/{decree}"));
            Assert.That(provision.Headers.Location!.OriginalString, Is.EqualTo($"/regulations/{decree}#art_5_cl_2_pt_a"));
            Assert.That(wrongType.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(wrongYear.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(notAProvision.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(page, Does.Contain($"href=\"/eli/vn/decree/2022/{number}-nd-cp\""), "the page gives its own identifier");
        });
    }

    [Test]
    public async Task TheSitesPages_LinkToTheDocumentsWorkAndResultsTheyName()
    {
        var register = await RegisterCountedByHand();
        using var anonymous = Anonymous();

        var results = await Text(await anonymous.GetAsync("/results"));
        var responsibility = await Text(await anonymous.GetAsync("/responsibility"));
        var hotspots = await Text(await anonymous.GetAsync("/hotspots"));
        var resultsCsv = await Csv(anonymous, "results", "resolved");

        Assert.Multiple(() =>
        {
            Assert.That(results, Does.Contain($"href=\"/obstacles/{register.Ids.Resolved}\"").And.Contain($"href=\"/obstacles/{register.Ids.Rejected}\""));
            Assert.That(responsibility, Does.Contain($"href=\"/amendments/{register.Ids.Overdue}\"").And.Contain($"href=\"/regulations/{CircularId}\""));
            Assert.That(hotspots, Does.Contain($"href=\"/regulations/{CircularId}\"").And.Contain($"href=\"/regulations/{CircularId}#art_5\""));
            Assert.That(resultsCsv[1][0], Does.StartWith("VM-"), "the CSV keeps the text, not the link");
        });
    }

    private const string LinkedDataContext = "https://schema.org/";

    /// <summary>
    /// The page's JSON-LD descriptions, with the context applied: the document must name schema.org as its context, and
    /// each type is expanded against it (a graph's members each count).
    /// </summary>
    private static List<JsonObject> LinkedData(string html)
    {
        var scripts = JsonLdPattern().Matches(html).Select(m => JsonNode.Parse(m.Groups["json"].Value)!.AsObject()).ToList();
        Assert.That(scripts, Has.Count.EqualTo(1), "one JSON-LD document per page");
        var document = scripts[0];
        Assert.That(document["@context"]!.GetValue<string>(), Is.EqualTo("https://schema.org"));
        var items = document["@graph"] is JsonArray graph ? graph.Select(n => n!.AsObject()).ToList() : [document];
        foreach (var item in items)
        {
            var type = item["@type"]!.GetValue<string>();
            item["@type"] = type.Contains(':', StringComparison.Ordinal) ? type : LinkedDataContext + type;
        }

        return items;
    }

    private static string Value(JsonObject node, string property) => node[property]!.GetValue<string>();

    private static List<string> TimelineSteps(string html) =>
        [.. TimelinePattern().Matches(html).Select(m => m.Groups["step"].Value.Trim())];

    [GeneratedRegex("<script type=\"application/ld\\+json\">(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdPattern();

    [GeneratedRegex("<li><time datetime=\"[^\"]+\">[^<]*</time>(?<step>[^<]*)</li>")]
    private static partial Regex TimelinePattern();
}
