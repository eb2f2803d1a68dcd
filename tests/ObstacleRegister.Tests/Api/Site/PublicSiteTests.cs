using System.Net;
using System.Text.RegularExpressions;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Site;

/// <summary>The public site through the HTTP pipeline: language, figures, open data, caching and nothing private.</summary>
public sealed partial class PublicSiteTests(DatabaseProvider provider) : SiteTest(provider)
{
    [Test]
    public async Task Home_IsVietnameseByDefault_AndEnglishBySwitchRememberedInACookie()
    {
        using var anonymous = Anonymous();

        using var vietnamese = await anonymous.GetAsync("/");
        var vietnameseText = await Text(vietnamese);
        using var english = await anonymous.GetAsync("/?lang=en");
        var englishText = await Text(english);
        var cookie = english.Headers.GetValues("Set-Cookie").Single();
        // The client keeps cookies as a browser does.
        var rememberedText = await Text(await anonymous.GetAsync("/results"));
        // Fresh readers, without the cookie the first one now holds.
        using var other = Anonymous();
        using var asked = new HttpRequestMessage(HttpMethod.Get, "/hotspots");
        asked.Headers.Add("Accept-Language", "en-GB,en;q=0.8");
        var askedText = await Text(await other.SendAsync(asked));
        using var third = Anonymous();
        var unknownText = await Text(await third.GetAsync("/backlog?lang=fr"));

        Assert.Multiple(() =>
        {
            Assert.That(vietnamese.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/html; charset=utf-8"));
            Assert.That(vietnameseText, Does.StartWith("<!DOCTYPE html>").And.Contain("<html lang=\"vi\">").And.Contain("<h1>Tiến độ</h1>"));
            Assert.That(vietnameseText, Does.Contain("href=\"/?lang=en\"").And.Contain(">English</a>"), "a visible switch");
            Assert.That(englishText, Does.Contain("<html lang=\"en\">").And.Contain("<h1>Progress</h1>"));
            Assert.That(cookie, Does.StartWith("lang=en;").And.Contain("samesite=lax").IgnoreCase);
            Assert.That(english.Headers.CacheControl!.Private, Is.True, "an answer that sets the reader's cookie is not for shared caches");
            Assert.That(rememberedText, Does.Contain("<html lang=\"en\">").And.Contain("<h1>Results</h1>"));
            Assert.That(askedText, Does.Contain("<html lang=\"en\">"), "Accept-Language is honoured when nothing was chosen");
            Assert.That(unknownText, Does.Contain("<html lang=\"vi\">"), "an unknown choice falls back to Vietnamese");
        });
    }

    [Test]
    public async Task Progress_ShowsTheFiguresCountedByHand_InThePageItsChartAndItsOpenData()
    {
        await RegisterCountedByHand();
        using var anonymous = Anonymous();

        var page = await Text(await anonymous.GetAsync("/"));
        var comparison = await Csv(anonymous, "progress", "comparison");
        var trend = await Csv(anonymous, "progress", "trend");
        var thisWeek = Cells(page, "this_week");

        Assert.Multiple(() =>
        {
            Assert.That(comparison[0], Is.EqualTo(new[] { "measure", "this_week", "last_week", "this_month", "last_month" }));
            Assert.That(Row(comparison, "received"), Is.EqualTo(new[] { "received", "4", "0", "4", "0" }));
            Assert.That(Row(comparison, "accepted")[1], Is.EqualTo("2"));
            Assert.That(Row(comparison, "rejected")[1], Is.EqualTo("1"));
            Assert.That(Row(comparison, "resolved")[1], Is.EqualTo("1"));
            Assert.That(Row(comparison, "amendments_opened")[1], Is.EqualTo("2"));
            Assert.That(Row(comparison, "amendments_in_force")[1], Is.EqualTo("1"));
            Assert.That(Row(comparison, "amendments_overdue")[1], Is.EqualTo("1"));
            Assert.That(Row(comparison, "on_time_rate")[1], Is.EqualTo("1"), "the one issued was issued by its due date");
            Assert.That(thisWeek.Take(9), Is.EqualTo(new[] { "4", "2", "1", "1", "0", "2", "1", "1", "1" }), "the page shows the same figures");
            Assert.That(thisWeek[9], Is.EqualTo("100 %"));
            Assert.That(trend, Has.Count.EqualTo(13), "a header and twelve weeks");
            Assert.That(trend[^1], Is.EqualTo(new[] { "2026-03-02", "2026-03-08", "4", "1", "1", "1" }));
            Assert.That(trend[1][0], Is.EqualTo("2025-12-15"), "eleven weeks before this one");
            Assert.That(trend.Skip(1).SkipLast(1).SelectMany(r => r.Skip(2)), Has.All.EqualTo("0"));
            Assert.That(ChartDescription(page), Is.EqualTo(
                "Vướng mắc tiếp nhận: 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4; Vướng mắc đã xử lý: 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1; " +
                "Văn bản có hiệu lực: 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1; Quá hạn: 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1"),
                "the chart's text alternative carries every number of its table");
            Assert.That(page, Does.Contain("02/03/2026"), "dates as people in Vietnam write them");
        });
    }

    [Test]
    public async Task Responsibility_ListsOpenWorkMostOverdueFirst_WithScorecardsAndFilters()
    {
        await RegisterCountedByHand();
        var onTime = OpenBody(await AcceptedObstacle(ReporterA, "Thủ tục kéo dài"));
        onTime["title"] = "Bổ sung hướng dẫn thủ tục";
        await Open(onTime);
        using var anonymous = Anonymous();

        var amendments = await Csv(anonymous, "responsibility", "amendments");
        var scorecards = await Csv(anonymous, "responsibility", "scorecards");
        var consultation = await Csv(anonymous, "responsibility", "amendments", "?stage=consultation");
        var filtered = await Text(await anonymous.GetAsync("/responsibility?stage=drafting"));
        var page = await Text(await anonymous.GetAsync("/responsibility"));
        var issuedStage = await anonymous.GetAsync("/responsibility?stage=issued").ExpectProblem(400, "stage");
        await anonymous.GetAsync("/responsibility?unitId=not-an-id").ExpectProblem(400, "unitId");

        Assert.Multiple(() =>
        {
            Assert.That(amendments.Skip(1).Select(r => r[0]), Is.EqualTo(new[] { OverdueTitle, "Bổ sung hướng dẫn thủ tục" }), "open work only, most overdue first");
            Assert.That(amendments[1][^1], Is.EqualTo("10"), "days overdue");
            Assert.That(amendments[1][^2], Is.EqualTo("false"), "not at risk: no history to forecast from");
            Assert.That(amendments[1][^3], Is.EqualTo("drafting"));
            Assert.That(amendments[1][3], Is.EqualTo("Trần Văn C"));
            Assert.That(scorecards[0], Is.EqualTo(new[]
            {
                "unit_code", "unit", "issued", "on_time_rate", "overdue", "days_late", "stale", "median_days_to_resolution",
                "due_done_on_time", "due_done_late", "due_open_within_deadline", "due_overdue",
            }));
            Assert.That(scorecards[1][^1], Is.EqualTo("1"), "its work due in the twelve months: the overdue one");
            Assert.That(scorecards[1][2..7], Is.EqualTo(new[] { "1", "1", "1", "10", "0" }), "the drafting unit: one issued on time, one overdue by ten days");
            Assert.That(page, Does.Contain("<tr class=\"late\">"), "overdue work is marked");
            Assert.That(page, Does.Contain("Đang soạn thảo"), "stages have Vietnamese labels");
            Assert.That(filtered, Does.Contain(OverdueTitle).And.Not.Contain("Bổ sung hướng dẫn thủ tục"), "the stage filter");
            Assert.That(issuedStage["errors"]!.AsObject().ContainsKey("stage"), Is.True);
            Assert.That(consultation, Has.Count.EqualTo(1), "the open data takes the page's filters: nothing is at consultation");
        });
    }

    [Test]
    public async Task Results_NameTheDocumentThatResolvedEachObstacle_AndTheAnswerToEachRejection()
    {
        var register = await RegisterCountedByHand();
        using var anonymous = Anonymous();

        var resolved = await Csv(anonymous, "results", "resolved");
        var rejected = await Csv(anonymous, "results", "rejected");
        var page = await Text(await anonymous.GetAsync("/results"));

        Assert.Multiple(() =>
        {
            Assert.That(resolved, Has.Count.EqualTo(2));
            Assert.That(resolved[1][1..], Is.EqualTo(new[] { ResolvedTitle, "Bộ Thông tin và Truyền thông", "conflict", register.IssuedSymbol, "2026-03-02", "2026-03-02", "pending" }), "not yet confirmed by the reporting unit");
            Assert.That(rejected.Skip(1).Select(r => r[^1]), Is.EqualTo(new[] { RejectedAnswer }));
            Assert.That(page, Does.Contain(register.IssuedSymbol).And.Contain(RejectedAnswer).And.Contain("Mâu thuẫn").And.Contain("Chưa xác nhận"));
            Assert.That(page, Does.Not.Contain("Chưa xử lý"), "an obstacle without a result is not published");
        });
    }

    [Test]
    public async Task HotspotsAndBacklog_ShowTheRegulationsCausingObstaclesAndTheGuidanceAwaited()
    {
        await RegisterCountedByHand();
        var law = await RegisterRegulation($"{Unique()}/2025/QH15", "law", "Luật Viễn thông");
        var guidance = OpenBody();
        guidance["regulationId"] = law;
        guidance["kind"] = "new_guidance";
        guidance["title"] = "Nghị định hướng dẫn Luật Viễn thông";
        await Open(guidance);
        using var anonymous = Anonymous();

        var regulations = await Csv(anonymous, "hotspots", "regulations");
        var backlog = await Csv(anonymous, "backlog", "backlog");
        var hotspots = await Text(await anonymous.GetAsync("/hotspots"));

        Assert.Multiple(() =>
        {
            Assert.That(regulations[1][0..2], Is.EqualTo(new[] { "1", regulations[1][1] }));
            Assert.That(regulations[1][3], Is.EqualTo("2"), "the circular: one obstacle in an amendment, one submitted");
            Assert.That(hotspots, Does.Contain($"{regulations[1][1]}: 2"), "the bar chart's text alternative");
            Assert.That(backlog.Skip(1).Select(r => r[2]), Is.EqualTo(new[] { "Nghị định hướng dẫn Luật Viễn thông" }));
            Assert.That(backlog[1][0], Does.EndWith("/2025/QH15"));
        });
    }

    [Test]
    public async Task NoPage_InEitherLanguage_NorItsData_CarriesAnyPrivateText()
    {
        var register = await RegisterCountedByHand();
        using var anonymous = Anonymous();
        var everything = new List<string>();

        foreach (var (name, path) in Pages)
        {
            everything.Add(await Text(await anonymous.GetAsync(path + "?lang=vi")));
            everything.Add(await Text(await anonymous.GetAsync(path + "?lang=en")));
            everything.Add(await (await anonymous.GetAsync($"/data/{name}.json")).Content.ReadAsStringAsync());
            foreach (var table in Tables(everything[^3]))
            {
                everything.Add(string.Join("\n", (await Csv(anonymous, name, table)).Select(r => string.Join(",", r))));
            }
        }

        var ids = register.Ids;
        foreach (var path in new[]
        {
            $"/regulations/{CircularId}", $"/regulations/{DecreeId}", $"/amendments/{ids.Overdue}", $"/amendments/{ids.Remedy}",
            $"/obstacles/{ids.Resolved}", $"/obstacles/{ids.Rejected}", $"/obstacles/{ids.Waiting}", "/data",
        })
        {
            everything.Add(await Text(await anonymous.GetAsync(path + "?lang=vi")));
            everything.Add(await Text(await anonymous.GetAsync(path + "?lang=en")));
        }

        foreach (var path in new[]
        {
            "/feeds/all.atom", $"/feeds/regulations/{CircularId}.atom", $"/feeds/units/{ReporterA.UnitId}.atom", "/data/catalog.jsonld",
            "/data/obstacles.csv", "/data/amendments.csv", "/data/regulations.csv",
        })
        {
            everything.Add(await Text(await anonymous.GetAsync(path)));
        }

        var all = string.Join("\n", everything);
        Assert.Multiple(() =>
        {
            Assert.That(everything, Has.Count.GreaterThan(40), "every page, its JSON and each of its tables, the documents' pages, feeds and dumps were read");
            foreach (var secret in register.PrivateTexts)
            {
                Assert.That(all, Does.Not.Contain(secret));
            }
        });
    }

    [Test]
    public async Task Pages_AreCacheableAndLockedDown()
    {
        using var anonymous = Anonymous();

        using var first = await anonymous.GetAsync("/hotspots");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/hotspots");
        again.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.Tag);
        using var unchanged = await anonymous.SendAsync(again);
        using var css = await anonymous.GetAsync("/site.css");
        using var noTable = await anonymous.GetAsync("/data/progress/nothing.csv");

        Assert.Multiple(() =>
        {
            Assert.That(first.Headers.CacheControl!.Public, Is.True);
            Assert.That(first.Headers.Vary, Is.EquivalentTo(new[] { "Accept-Language", "Cookie" }));
            Assert.That(unchanged.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(first.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("default-src 'none'").And.Contain("style-src 'self'"));
            Assert.That(first.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
            Assert.That(css.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/css"));
            Assert.That(noTable.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    private static string[] Row(List<string[]> csv, string measure) => csv.Single(r => r[0] == measure);

    /// <summary>The cells of one column of a page's tables, as shown.</summary>
    private static List<string> Cells(string page, string column) =>
        [.. CellPattern().Matches(page).Where(m => m.Groups["column"].Value == column).Select(m => m.Groups["text"].Value)];

    private static string ChartDescription(string page) => DescriptionPattern().Match(page).Groups["text"].Value;

    private static IEnumerable<string> Tables(string html) => TablePattern().Matches(html).Select(m => m.Groups["name"].Value).Distinct();

    [GeneratedRegex("<td[^>]*data-column=\"(?<column>[a-z_]+)\"[^>]*>(?<text>[^<]*)</td>")]
    private static partial Regex CellPattern();

    [GeneratedRegex("<desc id=\"trend-chart-desc\">(?<text>[^<]*)</desc>")]
    private static partial Regex DescriptionPattern();

    [GeneratedRegex("/data/[a-z]+/(?<name>[a-z]+)\\.csv")]
    private static partial Regex TablePattern();
}
