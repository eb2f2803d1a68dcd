using System.Net;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Reports.OpenData;
using ObstacleRegister.Tests.Api.Site;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.OpenData;

/// <summary>
/// The data catalogue: its page with every dataset's dictionary, its DCAT-AP description checked for the properties
/// DCAT-AP requires (and every address in it answering), and the full dumps of the public rows.
/// </summary>
public sealed class DataCatalogueTests(DatabaseProvider provider) : SiteTest(provider)
{
    private const string PublicBase = "https://register.test";

    private const string Dcat = "http://www.w3.org/ns/dcat#";

    private const string Terms = "http://purl.org/dc/terms/";

    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string>
    {
        ["Notifications:PublicBaseUrl"] = PublicBase + "/",
        ["OpenData:Publisher"] = "Văn phòng Chính phủ",
        ["OpenData:ContactEmail"] = "dulieu@register.test",
    };

    [Test]
    public async Task TheCataloguePage_ListsEveryDataset_WithItsDictionaryAndLicence_InBothLanguages()
    {
        using var anonymous = Anonymous();

        var vietnamese = await Text(await anonymous.GetAsync("/data"));
        var english = await Text(await anonymous.GetAsync("/data?lang=en"));

        Assert.Multiple(() =>
        {
            Assert.That(vietnamese, Does.Contain("<h1>Dữ liệu mở</h1>").And.Contain("rel=\"license\"").And.Contain("CC BY 4.0"), "the default licence");
            Assert.That(english, Does.Contain("<h1>Open data</h1>").And.Contain("Data dictionary: obstacles"));
            foreach (var dataset in DataCatalogue.Datasets)
            {
                Assert.That(vietnamese, Does.Contain($"id=\"{dataset.Name}\""), dataset.Name);
                foreach (var table in dataset.Tables)
                {
                    Assert.That(vietnamese, Does.Contain($"href=\"{table.Csv}\""), table.Csv);
                }
            }

            Assert.That(english, Does.Contain("<li><code>in_amendment</code> — In amendment</li>"), "a coded column lists its values with their labels");
            Assert.That(vietnamese, Does.Contain("Số vướng mắc được phản ánh"), "a column's meaning");
        });
    }

    [Test]
    public async Task TheDcatDescription_HasWhatDcatApRequires_AndEveryAddressInItAnswers()
    {
        await RegisterCountedByHand();
        using var anonymous = Anonymous();

        using var response = await anonymous.GetAsync("/data/catalog.jsonld");
        var catalog = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var context = catalog["@context"]!.AsObject();
        string Expand(string term) => term.Split(':') is [var prefix, var local] && context[prefix] is { } ns ? ns.GetValue<string>() + local : term;
        var datasets = catalog["dcat:dataset"]!.AsArray().Select(d => d!.AsObject()).ToList();
        var distributions = datasets.SelectMany(d => d["dcat:distribution"]!.AsArray().Select(x => x!.AsObject())).ToList();
        var unanswered = new List<string>();
        foreach (var distribution in distributions)
        {
            var address = distribution["dcat:accessURL"]!["@id"]!.GetValue<string>();
            using var data = await anonymous.GetAsync(address[PublicBase.Length..]);
            var wanted = distribution["dcat:mediaType"]!["@id"]!.GetValue<string>().Split("media-types/")[1];
            if (data.StatusCode != HttpStatusCode.OK || data.Content.Headers.ContentType!.MediaType != wanted)
            {
                unanswered.Add($"{address}: {data.StatusCode} {data.Content.Headers.ContentType}");
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/ld+json"));
            Assert.That(Expand(catalog["@type"]!.GetValue<string>()), Is.EqualTo(Dcat + "Catalog"));
            Assert.That(Expand("dct:title"), Is.EqualTo(Terms + "title"));
            Assert.That(Languages(catalog["dct:title"]!), Is.EquivalentTo(new[] { "vi", "en" }));
            Assert.That(Languages(catalog["dct:description"]!), Is.EquivalentTo(new[] { "vi", "en" }));
            Assert.That(catalog["dct:publisher"]!["foaf:name"]!.GetValue<string>(), Is.EqualTo("Văn phòng Chính phủ"));
            Assert.That(catalog["dct:license"]!["@id"]!.GetValue<string>(), Is.EqualTo("https://creativecommons.org/licenses/by/4.0/"));
            Assert.That(datasets.Select(d => d["dct:identifier"]!.GetValue<string>()), Is.EquivalentTo(DataCatalogue.Datasets.Select(d => d.Name)));
            foreach (var dataset in datasets)
            {
                Assert.That(Expand(dataset["@type"]!.GetValue<string>()), Is.EqualTo(Dcat + "Dataset"));
                Assert.That(Languages(dataset["dct:title"]!), Is.EquivalentTo(new[] { "vi", "en" }));
                Assert.That(Languages(dataset["dct:description"]!), Is.EquivalentTo(new[] { "vi", "en" }));
                Assert.That(dataset["dct:accrualPeriodicity"]!["@id"]!.GetValue<string>(), Does.StartWith("http://publications.europa.eu/resource/authority/frequency/"));
                Assert.That(dataset["dcat:contactPoint"]!["vcard:hasEmail"]!["@id"]!.GetValue<string>(), Is.EqualTo("mailto:dulieu@register.test"));
            }

            Assert.That(distributions, Has.Count.EqualTo(DataCatalogue.Datasets.Sum(d => d.Tables.Count + (d.Json is null ? 0 : 1))));
            Assert.That(distributions.Select(d => Expand(d["@type"]!.GetValue<string>())), Has.All.EqualTo(Dcat + "Distribution"));
            Assert.That(distributions.Select(d => d["dcat:accessURL"]!["@id"]!.GetValue<string>()), Has.All.StartWith(PublicBase + "/data/"));
            Assert.That(unanswered, Is.Empty, "every distribution answers with the media type the catalogue says");
        });
    }

    [Test]
    public async Task EveryPublishedTable_HasExactlyTheColumnsItsDictionaryDescribes()
    {
        await RegisterCountedByHand();
        using var anonymous = Anonymous();
        var mismatches = new List<string>();

        foreach (var table in DataCatalogue.Datasets.SelectMany(d => d.Tables))
        {
            var header = (await CsvLines(anonymous, table.Csv))[0];
            var described = string.Join(",", table.Columns.Select(c => c.Name));
            if (header != described)
            {
                mismatches.Add($"{table.Csv}: {header} ≠ {described}");
            }
        }

        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public async Task TheDumps_HoldEveryPublicRow_AndNothingPrivate()
    {
        var register = await RegisterCountedByHand();
        using var anonymous = Anonymous();

        var obstacles = await CsvLines(anonymous, "/data/obstacles.csv");
        var amendments = await CsvLines(anonymous, "/data/amendments.csv");
        var regulations = await CsvLines(anonymous, "/data/regulations.csv");
        var circular = await Coordinator.Http.GetAsync($"/api/v1/regulations/{CircularId}").ExpectJson(200);
        var all = string.Join("\n", obstacles.Concat(amendments).Concat(regulations));

        Assert.Multiple(() =>
        {
            Assert.That(obstacles.Skip(1).Select(l => l.Split(',')[0]),
                Is.EquivalentTo(new[] { register.Ids.Resolved, register.Ids.Waiting, register.Ids.Rejected }), "public obstacles only: not the one waiting for its answer");
            Assert.That(obstacles.Single(l => l.StartsWith(register.Ids.Resolved, StringComparison.Ordinal)), Does.Contain(",resolved,").And.Contain(",pending,"));
            Assert.That(amendments.Skip(1).Select(l => l.Split(',')[0]), Is.EquivalentTo(new[] { register.Ids.Remedy, register.Ids.Overdue }));
            Assert.That(regulations.Single(l => l.StartsWith(CircularId, StringComparison.Ordinal)),
                Does.Contain($"{PublicBase}/eli/vn/circular/2024/{circular.Str("symbol").Split('/')[0]}-tt-btttt"));
            foreach (var secret in register.PrivateTexts)
            {
                Assert.That(all, Does.Not.Contain(secret));
            }
        });
    }

    [Test]
    public async Task ADumpReadsPageByPage_FromWhereThePreviousPageEnded()
    {
        var register = await RegisterCountedByHand();
        await using var scope = Factory.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var first = await mediator.Send(new ReadPublicObstacles(0, 2));
        var second = await mediator.Send(new ReadPublicObstacles(first[^1].Seq, 2));

        Assert.Multiple(() =>
        {
            Assert.That(first, Has.Count.EqualTo(2));
            Assert.That(second, Has.Count.EqualTo(1));
            Assert.That(first.Concat(second).Select(o => o.Id.ToString()), Is.EquivalentTo(new[] { register.Ids.Resolved, register.Ids.Waiting, register.Ids.Rejected }));
            Assert.That(first.Concat(second).Select(o => o.Seq), Is.Ordered.Ascending.And.Unique);
        });
    }

    private static IEnumerable<string> Languages(JsonNode texts) => texts.AsArray().Select(t => t!["@language"]!.GetValue<string>());
}
