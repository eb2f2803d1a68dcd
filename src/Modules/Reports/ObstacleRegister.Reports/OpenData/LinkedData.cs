using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ObstacleRegister.Pages;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Reports.OpenData;

/// <summary>
/// The schema.org <c>Legislation</c> descriptions the public pages embed as JSON-LD, so search engines and legal-data
/// systems read the document, its legal force, who issued it and what it changes without scraping the page. Every
/// document is named by its ELI address, the identifier other systems link to.
/// </summary>
internal sealed class LinkedData(string baseUrl)
{
    public const string SchemaOrg = "https://schema.org";

    // The changes that make the other document different; guidance and interpretation leave it as it was.
    private static readonly RegulationChange[] Changing =
        [RegulationChange.Amends, RegulationChange.Supplements, RegulationChange.Replaces, RegulationChange.Repeals, RegulationChange.TemporarilyAdjusts];

    // Escapes <, > and & so the document can sit inside a script element of the page.
    private static readonly JsonSerializerOptions Written = new() { Encoder = JavaScriptEncoder.Default };

    public string EliOf(RegulationSummary regulation) => baseUrl + Eli.PathOf(regulation);

    /// <summary>One document, with what the register knows of it.</summary>
    public JsonObject Legislation(
        RegulationSummary regulation, RegulationRelations? relations = null, RegulationSummary? guides = null, IEnumerable<JsonObject>? parts = null)
    {
        var node = new JsonObject
        {
            ["@type"] = "Legislation",
            ["@id"] = EliOf(regulation),
            ["url"] = $"{baseUrl}/regulations/{regulation.Id}",
            ["name"] = regulation.Title,
            ["legislationIdentifier"] = regulation.Symbol,
            ["legislationType"] = PageFormat.Label(regulation.Type),
            ["legislationDate"] = regulation.IssuedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["legislationLegalForce"] = $"{SchemaOrg}/{LegalForce(regulation.Status)}",
        };
        if (regulation.EffectiveOn is { } effective)
        {
            node["legislationDateOfApplicability"] = effective.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (regulation.Issuer.Length > 0)
        {
            node["legislationResponsible"] = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = regulation.Issuer };
        }

        if (relations?.Changes.Where(c => Changing.Contains(c.Change)).ToList() is { Count: > 0 } changes)
        {
            node["legislationChanges"] = new JsonArray([.. changes.Select(c => Reference(c.Regulation))]);
        }

        if ((guides ?? relations?.Changes.FirstOrDefault(c => c.Change == RegulationChange.Guides)?.Regulation) is { } guided)
        {
            node["isBasedOn"] = Reference(guided);
        }

        if (parts?.ToList() is { Count: > 0 } provisions)
        {
            node["hasPart"] = new JsonArray([.. provisions]);
        }

        return node;
    }

    /// <summary>A provision of a document, addressed under the document's ELI.</summary>
    public JsonObject Provision(RegulationSummary regulation, int article, int? clause, string? point, string wording) => new()
    {
        ["@type"] = "Legislation",
        ["@id"] = baseUrl + Eli.PathOf(regulation, article, clause, point),
        ["name"] = wording,
        ["legislationIdentifier"] = $"{regulation.Symbol} {Eli.ProvisionPath(article, clause, point)}",
        ["isPartOf"] = new JsonObject { ["@id"] = EliOf(regulation) },
    };

    /// <summary>The page's JSON-LD: one description, or a graph of several.</summary>
    public static string Document(IReadOnlyList<JsonObject> items)
    {
        JsonObject document;
        if (items.Count == 1)
        {
            document = new JsonObject { ["@context"] = SchemaOrg };
            // A JSON node has one parent: the description's properties move into the document, after its context.
            foreach (var (key, value) in items[0].ToList())
            {
                items[0].Remove(key);
                document[key] = value;
            }
        }
        else
        {
            document = new JsonObject { ["@context"] = SchemaOrg, ["@graph"] = new JsonArray([.. items]) };
        }

        return document.ToJsonString(Written);
    }

    private JsonObject Reference(RegulationSummary regulation) => new()
    {
        ["@type"] = "Legislation",
        ["@id"] = EliOf(regulation),
        ["legislationIdentifier"] = regulation.Symbol,
    };

    /// <summary>An amended document is still in force, as amended; replaced, repealed and expired ones are not.</summary>
    private static string LegalForce(RegulationStatus status) => status switch
    {
        RegulationStatus.InForce or RegulationStatus.Amended => "InForce",
        _ => "NotInForce",
    };
}
