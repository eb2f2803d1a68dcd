using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Site;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.OpenData;

/// <summary>
/// The Atom feeds read by a real feed parser (System.ServiceModel.Syndication): what happened, in the reader's
/// language, public fields only, every address starting at the configured public address, cacheable.
/// </summary>
public sealed class FeedTests(DatabaseProvider provider) : SiteTest(provider)
{
    private const string PublicBase = "https://register.test";

    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string>
    {
        ["Notifications:PublicBaseUrl"] = PublicBase + "/",
    };

    [Test]
    public async Task TheRegistersFeed_TellsWhatHappened_NewestFirst_WithPublicFieldsOnly()
    {
        var register = await RegisterCountedByHand();
        using var anonymous = Anonymous();

        var (feed, text) = await Read(anonymous, "/feeds/all.atom");
        var kinds = feed.Items.Select(Kind).ToList();
        var submitted = feed.Items.Where(i => Kind(i) == "obstacle.submitted").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(feed.Title.Text, Is.EqualTo("Hệ thống theo dõi vướng mắc pháp luật: mọi diễn biến"));
            Assert.That(feed.Language, Is.EqualTo("vi"));
            Assert.That(feed.Links.Single(l => l.RelationshipType == "self").Uri.ToString(), Is.EqualTo($"{PublicBase}/feeds/all.atom"));
            Assert.That(kinds, Is.SupersetOf(new[]
            {
                "obstacle.submitted", "obstacle.accepted", "obstacle.rejected", "obstacle.linked_to_amendment", "obstacle.resolved",
                "amendment.opened", "amendment.progress_reported", "amendment.issued", "amendment.entered_into_force", "regulation.registered",
            }));
            Assert.That(kinds, Has.None.EqualTo("obstacle.commented").And.None.EqualTo("obstacle.corrected"));
            Assert.That(feed.Items.Select(i => i.Id), Is.Unique.And.All.StartWith("urn:uuid:"));
            Assert.That(feed.Items.Select(i => i.LastUpdatedTime), Is.Ordered.Descending);
            Assert.That(feed.Items.SelectMany(i => i.Links).Select(l => l.Uri.ToString()), Has.All.StartWith(PublicBase + "/"), "never the request's host");
            Assert.That(submitted.Select(i => i.Title.Text), Has.Some.Contains("VM-").And.Some.Contains("Điều 5, khoản 2"));
            Assert.That(submitted.Select(i => i.Title.Text + i.Summary.Text), Has.None.Contains("Chưa xử lý"),
                "a report waiting for its answer is told by its reference, unit and provisions, not its title");
            Assert.That(feed.Items.Single(i => Kind(i) == "obstacle.rejected").Links[0].Uri.ToString(),
                Is.EqualTo($"{PublicBase}/obstacles/{register.Ids.Rejected}"));
            foreach (var secret in register.PrivateTexts)
            {
                Assert.That(text, Does.Not.Contain(secret));
            }
        });
    }

    [Test]
    public async Task ARegulationsFeed_FollowsTheDocumentItsWorkAndItsObstacles_AndAUnitsFeedItsOwn()
    {
        var register = await RegisterCountedByHand();
        var elsewhere = (await Submit(ReporterB, Obstacle("Vướng mắc ở nghị định"))).Str("id");
        using var anonymous = Anonymous();

        var (circular, _) = await Read(anonymous, $"/feeds/regulations/{CircularId}.atom?lang=en");
        var (unit, _) = await Read(anonymous, $"/feeds/units/{ReporterB.UnitId}.atom");
        using var unknown = await anonymous.GetAsync($"/feeds/regulations/{Guid.NewGuid()}.atom");
        var decreeEntries = circular.Items.Where(i => i.Links[0].Uri.ToString().Contains(elsewhere, StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(circular.Title.Text, Does.StartWith("Legal obstacle register: "));
            Assert.That(circular.Language, Is.EqualTo("en"));
            Assert.That(circular.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString(), Is.EqualTo($"{PublicBase}/regulations/{CircularId}"));
            Assert.That(circular.Items.Select(Kind), Is.SupersetOf(new[] { "amendment.opened", "amendment.entered_into_force", "obstacle.accepted" }));
            Assert.That(circular.Items.Select(i => i.Title.Text), Has.Some.Contains(OverdueTitle));
            Assert.That(decreeEntries, Is.Empty, "an obstacle on another document is not this one's");
            Assert.That(circular.Items.Where(i => Kind(i) == "obstacle.submitted").Select(i => i.Title.Text), Has.All.StartWith("New report VM-"));
            Assert.That(unit.Items.Where(i => i.Id.Length > 0).Select(i => i.Links[0].Uri.ToString()),
                Has.Some.EqualTo($"{PublicBase}/obstacles/{register.Ids.Rejected}"), "the unit's answered report");
            Assert.That(unit.Items.Select(i => i.Links[0].Uri.ToString()), Has.None.EqualTo($"{PublicBase}/obstacles/{register.Ids.Resolved}"),
                "another unit's report is not this unit's");
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task AFeed_IsCacheable_AndAnswers304WhileNothingHappened()
    {
        await RegisterCountedByHand();
        using var anonymous = Anonymous();

        using var first = await anonymous.GetAsync("/feeds/all.atom");
        var etag = first.Headers.ETag!.Tag;
        using var again = await Conditional(anonymous, etag);
        await Submit(ReporterA, Obstacle("Một phản ánh nữa"));
        using var changed = await Conditional(anonymous, etag);
        using var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/feeds/all.atom"));

        Assert.Multiple(() =>
        {
            Assert.That(first.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/atom+xml"));
            Assert.That(first.Headers.CacheControl!.Public, Is.True);
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a new report changes the feed");
            Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK), "HEAD is answered where GET is");
            Assert.That(head.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/atom+xml"));
        });
    }

    [Test]
    public async Task EveryPage_LinksItsFeeds()
    {
        var register = await RegisterCountedByHand();
        using var anonymous = Anonymous();

        var home = await Text(await anonymous.GetAsync("/"));
        var regulation = await Text(await anonymous.GetAsync($"/regulations/{CircularId}"));
        var amendment = await Text(await anonymous.GetAsync($"/amendments/{register.Ids.Overdue}"));

        Assert.Multiple(() =>
        {
            Assert.That(home, Does.Contain("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feeds/all.atom\""));
            Assert.That(regulation, Does.Contain($"href=\"/feeds/regulations/{CircularId}.atom\""));
            Assert.That(amendment, Does.Contain($"href=\"/feeds/units/{DraftingUnitId}.atom\""));
        });
    }

    private static async Task<(SyndicationFeed Feed, string Text)> Read(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        using var reader = XmlReader.Create(new StringReader(text));
        var formatter = new Atom10FeedFormatter();
        Assert.That(formatter.CanRead(reader), Is.True, "an Atom 1.0 document");
        formatter.ReadFrom(reader);
        return (formatter.Feed, text);
    }

    private static string Kind(SyndicationItem item) => item.Categories.Single().Name;

    private static Task<HttpResponseMessage> Conditional(HttpClient client, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/feeds/all.atom");
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return client.SendAsync(request);
    }
}
