using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Obstacles;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Reports;

/// <summary>
/// On a host that keeps public answers for a minute (the default): a public page is served again, with its Age, until
/// the minute has passed on the clock, each language apart; a site page, its JSON and its CSV share one answer; the
/// keyed reports are never kept. Each test reads its own addresses, since the kept answers outlive a test's database.
/// </summary>
public sealed class PublicAnswerCacheTests(DatabaseProvider provider) : ObstacleTest(provider)
{
    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string> { ["Public:AnswerCacheSeconds"] = "60" };

    [Test]
    public async Task APublicAnswer_IsServedAgainWithItsAge_UntilTheMinuteHasPassed()
    {
        const string Progress = "/api/v1/public/progress?period=week";
        using var anonymous = Anonymous();
        var before = Received(await anonymous.GetAsync(Progress).ExpectJson(200));
        await Submit(ReporterA);
        Clock.Now = Clock.Now.AddSeconds(30);

        using var kept = await anonymous.GetAsync(Progress);
        var keptReceived = Received(await kept.ExpectJson(200));
        var keyed = Received(await Coordinator.Http.GetAsync("/api/v1/reports/progress?period=week").ExpectJson(200));
        using var inVietnamese = new HttpRequestMessage(HttpMethod.Get, Progress);
        inVietnamese.Headers.AcceptLanguage.ParseAdd("vi");
        var vietnamese = Received(await (await anonymous.SendAsync(inVietnamese)).ExpectJson(200));
        Clock.Now = Clock.Now.AddSeconds(30);
        using var afresh = await anonymous.GetAsync(Progress);
        var afreshReceived = Received(await afresh.ExpectJson(200));

        Assert.Multiple(() =>
        {
            Assert.That(keptReceived, Is.EqualTo(before), "served again within the minute");
            Assert.That(kept.Headers.Age, Is.EqualTo(TimeSpan.FromSeconds(30)), "with the time it was kept, for proxies in front");
            Assert.That(keyed, Is.EqualTo(before + 1), "the keyed report is never kept");
            Assert.That(vietnamese, Is.EqualTo(before + 1), "each language is its own answer");
            Assert.That(afreshReceived, Is.EqualTo(before + 1), "computed again once the minute has passed");
            Assert.That(afresh.Headers.Age, Is.Null);
        });
    }

    [Test]
    public async Task ASitePage_ItsJsonAndItsCsv_ShareOneAnswer()
    {
        using var anonymous = Anonymous();
        var before = (await anonymous.GetAsync("/data/progress.json").ExpectJson(200))["thisWeek"]!["obstacles"]!["received"]!.GetValue<int>();
        await Submit(ReporterA);

        using var csv = await anonymous.GetAsync("/data/progress/comparison.csv");
        var received = (await csv.Content.ReadAsStringAsync()).Split('\n').Single(l => l.StartsWith("received,", StringComparison.Ordinal));
        using var page = await anonymous.GetAsync("/");
        Clock.Now = Clock.Now.AddMinutes(1);
        var after = (await anonymous.GetAsync("/data/progress.json").ExpectJson(200))["thisWeek"]!["obstacles"]!["received"]!.GetValue<int>();

        Assert.Multiple(() =>
        {
            Assert.That(received.Split(',')[1].Trim(), Is.EqualTo(before.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                "the CSV is the answer the JSON was made from");
            Assert.That(page.Headers.Age, Is.Not.Null, "the page too");
            Assert.That(after, Is.EqualTo(before + 1));
        });
    }

    private static int Received(JsonNode report) => report["obstacles"]!["received"]!.GetValue<int>();
}
