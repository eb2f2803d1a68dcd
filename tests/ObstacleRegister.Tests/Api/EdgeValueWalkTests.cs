using System.Text;
using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Amendments;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api;

/// <summary>
/// Walks every operation of the served OpenAPI document and sends edge values for each path and query parameter
/// and for each body field in turn (the rest of the body valid): nothing a client sends may be a 5xx, and every
/// 4xx is a problem document. New operations are walked without anyone adding them here.
/// </summary>
public sealed class EdgeValueWalkTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    private static readonly string[] StringEdges =
    [
        "", " ", new string('x', 10_000), "\u0000", "'; DROP TABLE obstacle; --", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u202E\u200B\uFEFF", "Đường đ\u0301", "%", "*",
        "0001-01-01", "9999-12-31", "-1", "99999999999999999999", "00000000-0000-0000-0000-000000000000", "not-a-guid", "=1+1",
    ];

    private static readonly JsonNode?[] NumberEdges = [-1, 0, 2_147_483_648L, long.MaxValue, -9_007_199_254_740_991L, 1e308, 0.5];

    private readonly List<string> failures = [];

    // No name resolution, no network: webhook endpoints registered by the walk point at a name that is never called.
    protected override IReadOnlyDictionary<string, string>? HostSettings =>
        new Dictionary<string, string> { ["Webhooks:AllowPrivateTargets"] = "true" };

    private readonly Dictionary<string, string> ids = [];
    private int sent;

    [Test]
    public async Task EveryOperation_WithEdgeValues_AnswersNo5xxAndEvery4xxIsAProblem()
    {
        var document = await Anonymous().GetAsync("/openapi/v1.json").ExpectJson(200);
        using var client = await AllRolesClient();
        await CreateOneOfEach();

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete"))
            {
                await Walk(client, document, path, method, operation!);
            }
        }

        Assert.That(failures, Is.Empty, $"{failures.Count} of {sent} requests failed:\n" + string.Join('\n', failures.Take(40)));
        Assert.That(sent, Is.GreaterThan(1000), "the walk reached the operations");
    }

    private async Task Walk(HttpClient client, JsonNode document, string path, string method, JsonNode operation)
    {
        if (path.Contains("api-keys/{", StringComparison.Ordinal) && method == "delete")
        {
            return; // Revoking the walking key itself would turn every later answer into a 401.
        }

        var parameters = OpenApiNodes.Parameters(document, operation).ToList();
        var pathParameters = parameters.Where(p => p.Str("in") == "path").Select(p => p.Str("name")).ToList();
        var queryParameters = parameters.Where(p => p.Str("in") == "query").ToList();
        var bodySchema = operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } s ? OpenApiNodes.Resolve(document, s) : null;
        var validBody = bodySchema is null ? null : Valid(document, bodySchema, 0);
        var concretePath = Concrete(path, pathParameters, edge: null);

        await Check(client, method, concretePath, validBody);
        foreach (var name in pathParameters)
        {
            foreach (var edge in StringEdges.Where(e => e.Length is > 0 and < 100 && e.Trim().Length > 0 && !e.Contains('\u0000')))
            {
                await Check(client, method, Concrete(path, pathParameters, (name, edge)), validBody);
            }
        }

        // Each query parameter alone, then beside every choice of a period (a report's figures depend on it).
        var baselines = queryParameters.Any(p => p.Str("name") == "period") ? new[] { "", "period=week&", "period=month&" } : [""];
        foreach (var baseline in baselines)
        {
            foreach (var parameter in queryParameters.Where(p => p.Str("name") != "period" || baseline.Length == 0))
            {
                foreach (var value in StringEdges.Concat(NumberEdges.Select(n => n!.ToJsonString())))
                {
                    await Check(client, method, $"{concretePath}?{baseline}{parameter.Str("name")}={Uri.EscapeDataString(value)}", validBody);
                }
            }
        }

        if (validBody is JsonObject body && bodySchema is not null)
        {
            foreach (var field in Properties(document, bodySchema))
            {
                foreach (var edge in EdgesFor(document, field.Value))
                {
                    var mutated = body.DeepClone().AsObject();
                    mutated[field.Key] = edge?.DeepClone();
                    await Check(client, method, concretePath, mutated);
                }
            }
        }
    }

    private async Task Check(HttpClient client, string method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        sent++;
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var media = response.Content.Headers.ContentType?.MediaType;
        if (status >= 500 || (status >= 400 && media != "application/problem+json"))
        {
            var text = await response.Content.ReadAsStringAsync();
            failures.Add($"{status} {method.ToUpperInvariant()} {Shorten(path)} {Shorten(body?.ToJsonString() ?? "")} → {media} {Shorten(text)}");
        }
    }

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;

    private string Concrete(string path, List<string> names, (string Name, string Value)? edge)
    {
        var resource = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2) ?? "";
        foreach (var name in names)
        {
            var value = edge is { } e && e.Name == name ? Uri.EscapeDataString(e.Value)
                : name == "id" && ids.TryGetValue(resource, out var id) ? id
                : ids.TryGetValue(name, out var known) ? known : Guid.NewGuid().ToString();
            path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return path;
    }


    private static IEnumerable<KeyValuePair<string, JsonNode>> Properties(JsonNode document, JsonNode schema) =>
        OpenApiNodes.Resolve(document, schema)["properties"]?.AsObject().Select(p => new KeyValuePair<string, JsonNode>(p.Key, OpenApiNodes.Resolve(document, p.Value!))) ?? [];

    /// <summary>The schema's type, looking through <c>oneOf</c>/<c>anyOf</c> with null and type arrays such as <c>["null","string"]</c>.</summary>
    private static (string? Type, JsonNode Schema) Shape(JsonNode document, JsonNode schema)
    {
        schema = OpenApiNodes.Resolve(document, schema);
        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray choices && choices.Select(c => OpenApiNodes.Resolve(document, c!)).FirstOrDefault(c => Shape(document, c).Type is not (null or "null")) is { } real)
        {
            return Shape(document, real);
        }

        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
            JsonValue value => value.GetValue<string>(),
            _ => schema["properties"] is not null ? "object" : schema["enum"] is not null ? "string" : null,
        };
        return (type, schema);
    }

    private JsonNode? Valid(JsonNode document, JsonNode schema, int depth)
    {
        var (type, shape) = Shape(document, schema);
        if (shape["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first)
        {
            return first.DeepClone();
        }

        return type switch
        {
            "object" when depth < 4 => new JsonObject(Properties(document, shape).Select(p => new KeyValuePair<string, JsonNode?>(p.Key, Valid(document, p.Value, depth + 1)))),
            "array" when depth < 4 => new JsonArray(shape["items"] is { } items ? Valid(document, items, depth + 1) : null),
            "integer" or "number" => 1,
            "boolean" => true,
            "string" => shape["format"]?.GetValue<string>() switch
            {
                "date" => "2026-03-02",
                "date-time" => "2026-03-02T02:00:00Z",
                "uuid" => ids.GetValueOrDefault("regulations") ?? Guid.NewGuid().ToString(),
                _ => "Quy định chồng chéo",
            },
            _ => null,
        };
    }

    private static IEnumerable<JsonNode?> EdgesFor(JsonNode document, JsonNode schema)
    {
        var (type, _) = Shape(document, schema);
        IEnumerable<JsonNode?> common = [null, new JsonObject(), new JsonArray(), true];
        return type switch
        {
            "integer" or "number" => common.Concat(NumberEdges).Append("1"),
            "array" => common.Concat([new JsonArray(Enumerable.Range(0, 300).Select(i => (JsonNode?)$"x{i}").ToArray()), new JsonArray((JsonNode?)null), new JsonArray(new JsonArray())]),
            _ => common.Concat(StringEdges.Select(e => (JsonNode?)e)).Append(5),
        };
    }

    private async Task<HttpClient> AllRolesClient()
    {
        var key = await CreateKey(DraftingUnitId, "reporter", "drafter", "coordinator", "admin");
        ids["unitId"] = DraftingUnitId.ToString();
        ids["units"] = DraftingUnitId.ToString();
        return key.Http;
    }

    private async Task CreateOneOfEach()
    {
        var obstacle = await AcceptedObstacle(ReporterA);
        var amendment = (await Open(OpenBody(obstacle))).Str("id");
        var submitted = (await Submit(ReporterA)).Str("id");
        var webhook = (await Admin.PostJson("/api/v1/webhooks", new JsonObject
        {
            ["url"] = "http://receiver.test/register", ["eventTypes"] = new JsonArray("*"),
        }).ExpectJson(201))["endpoint"]!.Str("id");
        ids["regulations"] = CircularId;
        ids["obstacles"] = submitted;
        ids["amendments"] = amendment;
        ids["webhooks"] = webhook;
        ids["regulationId"] = CircularId;
    }

}
