using System.Globalization;
using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Reports.OpenData;

/// <summary>
/// The catalogue as DCAT-AP JSON-LD, the form national open-data portals harvest: the catalogue, each dataset and each
/// of its distributions (JSON, CSV), with the properties DCAT-AP makes mandatory (titles, descriptions, publisher,
/// access addresses) and those it recommends (licence, media type, format, frequency, contact, keywords). Titles and
/// descriptions are given in both languages, tagged, so the document is the same whoever asks.
/// </summary>
internal static class DcatCatalog
{
    public const string ContentType = "application/ld+json";

    private const string Frequency = "http://publications.europa.eu/resource/authority/frequency/";
    private const string FileType = "http://publications.europa.eu/resource/authority/file-type/";
    private const string Language = "http://publications.europa.eu/resource/authority/language/";
    private const string MediaType = "https://www.iana.org/assignments/media-types/";

    private static readonly CultureInfo[] Languages = [CultureInfo.GetCultureInfo("vi"), CultureInfo.GetCultureInfo("en")];

    public static JsonObject Build(string baseUrl, OpenDataOptions options)
    {
        var licence = new JsonObject { ["@id"] = options.LicenceUrl };
        var publisher = new JsonObject
        {
            ["@type"] = "foaf:Agent",
            ["foaf:name"] = options.Publisher is { Length: > 0 } name ? name : Both("Site.Name"),
        };
        return new JsonObject
        {
            ["@context"] = new JsonObject
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#",
                ["dct"] = "http://purl.org/dc/terms/",
                ["foaf"] = "http://xmlns.com/foaf/0.1/",
                ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
            },
            ["@id"] = $"{baseUrl}/data/catalog.jsonld",
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = Both("Data.Catalogue.Title"),
            ["dct:description"] = Both("Data.Catalogue.Description"),
            ["dct:publisher"] = publisher.DeepClone(),
            ["dct:license"] = licence.DeepClone(),
            ["dct:language"] = new JsonArray(new JsonObject { ["@id"] = Language + "VIE" }, new JsonObject { ["@id"] = Language + "ENG" }),
            ["foaf:homepage"] = new JsonObject { ["@id"] = $"{baseUrl}/data" },
            ["dcat:dataset"] = new JsonArray([.. DataCatalogue.Datasets.Select(d => Dataset(d, baseUrl, options, licence, publisher))]),
        };
    }

    private static JsonObject Dataset(Dataset dataset, string baseUrl, OpenDataOptions options, JsonObject licence, JsonObject publisher)
    {
        var node = new JsonObject
        {
            ["@id"] = $"{baseUrl}/data#{dataset.Name}",
            ["@type"] = "dcat:Dataset",
            ["dct:identifier"] = dataset.Name,
            ["dct:title"] = Both($"Data.Dataset.{dataset.Name}.Title"),
            ["dct:description"] = Both($"Data.Dataset.{dataset.Name}.Description"),
            ["dct:publisher"] = publisher.DeepClone(),
            ["dct:license"] = licence.DeepClone(),
            ["dct:accrualPeriodicity"] = new JsonObject { ["@id"] = Frequency + "CONT" },
            ["dcat:landingPage"] = new JsonObject { ["@id"] = $"{baseUrl}/data#{dataset.Name}" },
            ["dcat:keyword"] = Both("Data.Keywords"),
        };
        if (options.ContactEmail is { Length: > 0 } email)
        {
            node["dcat:contactPoint"] = new JsonObject
            {
                ["@type"] = "vcard:Organization",
                ["vcard:fn"] = publisher["foaf:name"]!.DeepClone(),
                ["vcard:hasEmail"] = new JsonObject { ["@id"] = $"mailto:{email}" },
            };
        }

        var distributions = new JsonArray();
        if (dataset.Json is { } json)
        {
            distributions.Add(Distribution(baseUrl + json, "application/json", "JSON", licence, $"Data.Format.json"));
        }

        foreach (var table in dataset.Tables)
        {
            distributions.Add(Distribution(baseUrl + table.Csv, "text/csv", "CSV", licence, "Data.Format.csv", table.Name));
        }

        node["dcat:distribution"] = distributions;
        return node;
    }

    private static JsonObject Distribution(string address, string mediaType, string format, JsonObject licence, string titleKey, string? table = null) => new()
    {
        ["@id"] = address,
        ["@type"] = "dcat:Distribution",
        ["dct:title"] = Both(titleKey, table ?? ""),
        ["dcat:accessURL"] = new JsonObject { ["@id"] = address },
        ["dcat:downloadURL"] = new JsonObject { ["@id"] = address },
        ["dcat:mediaType"] = new JsonObject { ["@id"] = MediaType + mediaType },
        ["dct:format"] = new JsonObject { ["@id"] = FileType + format },
        ["dct:license"] = licence.DeepClone(),
    };

    /// <summary>A text in both languages, each tagged with its language.</summary>
    private static JsonArray Both(string key, params object[] args)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            return new JsonArray([.. Languages.Select(language =>
            {
                CultureInfo.CurrentUICulture = language;
                return (JsonNode)new JsonObject { ["@value"] = Say.Text(key, args), ["@language"] = language.Name };
            })]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
