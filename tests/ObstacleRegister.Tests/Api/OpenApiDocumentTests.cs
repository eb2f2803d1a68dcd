using System.Text.Json;
using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api;

/// <summary>
/// The OpenAPI document integrators generate clients from is committed (<c>docs/openapi/v1.json</c>): a change to the
/// API shows as a reviewable diff of it, and this test fails until the committed copy is updated. Run it with
/// <c>OBSTACLEREGISTER_UPDATE_OPENAPI=1</c> to write the served document there.
/// </summary>
public sealed class OpenApiDocumentTests(DatabaseProvider provider) : ApiTest(provider)
{
    public const string UpdateVariable = "OBSTACLEREGISTER_UPDATE_OPENAPI";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string CommittedPath => Path.Combine(Repository.Root.Value, "docs", "openapi", "v1.json");

    [Test]
    public async Task TheServedDocument_IsTheCommittedOne()
    {
        using var client = Anonymous();
        var served = (await client.GetAsync("/openapi/v1.json").ExpectJson(200)).ToJsonString(Indented) + "\n";
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, served);
        }

        var committed = File.Exists(CommittedPath) ? await File.ReadAllTextAsync(CommittedPath) : "";
        Assert.That(served, Is.EqualTo(committed),
            $"The API changed: review the difference, then run the tests once with {UpdateVariable}=1 and commit docs/openapi/v1.json.");
    }

    [Test]
    public async Task TheDocument_NamesNoServerOfItsOwn_SoGeneratedClientsTakeTheirBaseAddressFromTheCaller()
    {
        using var client = Anonymous();
        var document = await client.GetAsync("/openapi/v1.json").ExpectJson(200);

        Assert.That(document.AsObject().ContainsKey("servers") ? document["servers"]!.AsArray().Select(s => s!["url"]!.GetValue<string>()) : [],
            Has.None.Contains("://"));
    }

    [Test]
    public async Task EveryError_IsOneOpenProblemSchema_AndTheHeadersClientsNeedAreDeclared()
    {
        using var client = Anonymous();
        var document = await client.GetAsync("/openapi/v1.json").ExpectJson(200);
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!))).ToList();
        var shared = document["components"]!["responses"]!;
        var errors = operations.SelectMany(o => o.Operation["responses"]!.AsObject()
            .Where(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture) >= 400)
            .Select(r => (Where: $"{o.Method} {o.Path} {r.Key}", Response: OpenApiNodes.Resolve(document, r.Value!)))
            .Select(r => (r.Where, Schema: r.Response["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>()))).ToList();
        var problem = document["components"]!["schemas"]!["Problem"]!;
        var accept = document["paths"]!["/api/v1/obstacles/{id}/accept"]!["post"]!;
        var submit = document["paths"]!["/api/v1/obstacles"]!["post"]!;
        var publicProgress = document["paths"]!["/api/v1/public/progress"]!["get"]!;

        Assert.Multiple(() =>
        {
            Assert.That(errors.Where(e => e.Schema != "#/components/schemas/Problem").Select(e => e.Where), Is.Empty);
            Assert.That(shared.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "Unauthorized", "NotFound", "ServiceUnavailable" }), "the common answers written once");
            Assert.That(submit["responses"]!["401"]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/components/responses/Unauthorized"));
            Assert.That(problem["additionalProperties"]?.GetValue<bool>(), Is.Not.False, "open to the extensions a problem may carry");
            Assert.That(problem["properties"]!.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "traceId", "errors", "currentStatus", "requestedStatus" }));
            Assert.That(OpenApiNodes.Parameters(document, accept).Select(p => p.Str("name")), Does.Contain("If-Match"));
            Assert.That(accept["responses"]!["200"]!["headers"]!.AsObject().Select(h => h.Key), Does.Contain("ETag"));
            Assert.That(submit["responses"]!["201"]!["headers"]!.AsObject().Select(h => h.Key), Is.SupersetOf(new[] { "ETag", "Location", "Idempotent-Replayed" }));
            Assert.That(submit["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "401", "413", "415", "503" }));
            Assert.That(publicProgress["security"]!.AsArray().Single()!.AsObject(), Is.Empty, "no key needed");
            Assert.That(OpenApiNodes.Resolve(document, publicProgress["responses"]!["429"]!)["headers"]!.AsObject().Select(h => h.Key), Does.Contain("Retry-After"));
        });
    }

    [Test]
    public async Task ReportsDeclareJsonAndCsv_AndEnumLikeQueryParameters_ReferenceTheirEnums()
    {
        using var client = Anonymous();
        var document = await client.GetAsync("/openapi/v1.json").ExpectJson(200);
        var progress = document["paths"]!["/api/v1/reports/progress"]!["get"]!;
        var obstacles = document["paths"]!["/api/v1/obstacles"]!["get"]!;
        string? SchemaOf(JsonNode operation, string name) =>
            OpenApiNodes.Parameters(document, operation).Single(p => p.Str("name") == name)["schema"]!["$ref"]?.GetValue<string>();

        Assert.Multiple(() =>
        {
            Assert.That(progress["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key), Is.EquivalentTo(new[] { "application/json", "text/csv" }));
            Assert.That(progress["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>(), Does.EndWith("/ProgressReport"));
            Assert.That(SchemaOf(progress, "period"), Does.EndWith("/ReportPeriod"));
            Assert.That(new[] { "status", "category", "severity" }.Select(p => SchemaOf(obstacles, p)),
                Is.EqualTo(new[] { "#/components/schemas/ObstacleStatus", "#/components/schemas/ObstacleCategory", "#/components/schemas/ObstacleSeverity" }));
            Assert.That(document["components"]!["schemas"]!["ReportPeriod"]!["enum"]!.AsArray().Select(e => e!.GetValue<string>()), Is.EqualTo(new[] { "week", "month" }));
        });
    }

    [Test]
    public async Task RequiredMeansNotNull_BodiesAreTheirSchemas_AndACheckInOffersOnlyTheStagesItAccepts()
    {
        using var client = Anonymous();
        var document = await client.GetAsync("/openapi/v1.json").ExpectJson(200);
        var schemas = document["components"]!["schemas"]!.AsObject();
        var bodies = BodySchemas(document);
        var nullableRequired = schemas.Where(s => bodies.Contains(s.Key))
            .SelectMany(s => (s.Value!["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>())
                .Where(r => s.Value!["properties"]?[r]?.ToJsonString().Contains("\"null\"", StringComparison.Ordinal) == true).Select(r => $"{s.Key}.{r}"));
        var answerEffectiveOn = schemas["RegulationDto"]!["properties"]!["effectiveOn"]!["type"]!.AsArray().Select(t => t!.GetValue<string>());
        var reject = document["paths"]!["/api/v1/obstacles/{id}/reject"]!["post"]!["requestBody"]!;
        var accept = document["paths"]!["/api/v1/obstacles/{id}/accept"]!["post"]!["requestBody"]!;
        var stages = schemas["ReportProgressBody"]!["properties"]!["stage"]!["oneOf"]!.AsArray()[1]!["enum"]!.AsArray().Select(e => e!.GetValue<string>());
        var accepted = typeof(ObstacleRegister.Amendments.Progress.ReportProgressBody).GetProperty("Stage")!
            .GetCustomAttributes(typeof(BuildingBlocks.Http.AcceptsOnlyAttribute), false).Cast<BuildingBlocks.Http.AcceptsOnlyAttribute>().Single().Values;

        Assert.Multiple(() =>
        {
            Assert.That(bodies, Does.Contain("SubmitObstacleBody").And.Contain("CitedRegulationBody"));
            Assert.That(nullableRequired, Is.Empty);
            Assert.That(answerEffectiveOn, Does.Contain("null"), "an answer's field that can be null says so, or generated clients fail to read it");
            Assert.That(reject["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>(), Does.EndWith("/RejectBody"));
            Assert.That(reject["required"]!.GetValue<bool>(), Is.True, "a rejection needs its reason");
            Assert.That(accept["required"]?.GetValue<bool>() ?? false, Is.False, "accepting needs no note");
            Assert.That(stages, Is.EqualTo(new[] { "planned", "drafting", "consultation", "appraisal", "submitted" }));
            Assert.That(accepted, Is.EqualTo(ObstacleRegister.Amendments.Stages.AmendmentStages.Reportable.Select(s => BuildingBlocks.Data.WireNames.Of(s))),
                "the document lists what the check-in validation accepts");
        });
    }

    [Test]
    public async Task EveryTextABodyTakes_CarriesTheLengthTheServerEnforces()
    {
        using var client = Anonymous();
        var document = await client.GetAsync("/openapi/v1.json").ExpectJson(200);
        var schemas = document["components"]!["schemas"]!;
        var texts = BodyProperties(document, "string").Where(p => p.Schema["format"] is null).ToList();

        Assert.That(texts, Has.Count.GreaterThan(25));
        Assert.That(texts.Where(t => t.Schema["maxLength"] is null).Select(t => t.Field), Is.Empty);
        Assert.That(schemas["SubmitObstacleBody"]!["properties"]!["title"]!["maxLength"]!.GetValue<int>(), Is.EqualTo(300));
    }

    /// <summary>Every list a body takes says how many items the server accepts, so a validator or a client can check before sending.</summary>
    [Test]
    public async Task EveryListABodyTakes_CarriesTheCountTheServerEnforces()
    {
        using var client = Anonymous();
        var document = await client.GetAsync("/openapi/v1.json").ExpectJson(200);
        var schemas = document["components"]!["schemas"]!;
        var lists = BodyProperties(document, "array").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(lists.Select(l => l.Field), Is.SupersetOf(new[] { "SubmitObstacleBody.regulations", "CreateApiKeyBody.roles", "RegisterWebhookBody.eventTypes", "LinkObstaclesBody.obstacleIds" }));
            Assert.That(lists.Where(l => l.Schema["maxItems"] is null).Select(l => l.Field), Is.Empty);
            Assert.That(schemas["SubmitObstacleBody"]!["properties"]!["regulations"]!["maxItems"]!.GetValue<int>(), Is.EqualTo(20));
        });
    }

    [Test]
    public async Task EveryValueAndListProperty_IsDescribed()
    {
        using var client = Anonymous();
        var document = await client.GetAsync("/openapi/v1.json").ExpectJson(200);
        var undescribed = document["components"]!["schemas"]!.AsObject()
            .SelectMany(s => (s.Value!["properties"]?.AsObject() ?? []).Select(p => (Field: $"{s.Key}.{p.Key}", Schema: p.Value!)))
            .Where(p => p.Schema["$ref"] is null && p.Schema["oneOf"] is null && p.Schema["description"] is null)
            .Select(p => p.Field);

        Assert.That(undescribed, Is.Empty, "describe it in the record's documentation, or in FieldGlossary when the name means one thing everywhere");
    }

    [Test]
    public async Task EveryJsonAnswer_HasAnExample_WithTheFieldsOfItsSchema()
    {
        using var client = Anonymous();
        var document = await client.GetAsync("/openapi/v1.json").ExpectJson(200);
        var schemas = document["components"]!["schemas"]!;
        var answers = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Where: $"{o.Key} {p.Key}", Operation: o.Value!)))
            .SelectMany(o => o.Operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('2'))
                .Select(r => (o.Where, Media: r.Value!["content"]?["application/json"])))
            .Where(a => a.Media is not null)
            .Select(a => (a.Where, a.Media, Example: a.Media!["examples"]?["answer"] is { } example ? OpenApiNodes.Resolve(document, example)["value"] : null))
            .ToList();
        var drifted = answers.Where(a => a.Example is JsonObject)
            .Select(a => (a.Where, Example: a.Example!.AsObject(), Schema: schemas[a.Media!["schema"]!["$ref"]!.GetValue<string>().Split('/')[^1]]!))
            .Where(a => !a.Example.Select(f => f.Key).ToHashSet().SetEquals(a.Schema["properties"]!.AsObject().Select(f => f.Key)))
            .Select(a => a.Where);

        Assert.That(answers, Has.Count.GreaterThan(40));
        Assert.That(answers.Where(a => a.Example is null).Select(a => a.Where), Is.Empty, "add the answer's example to OpenApi/ResponseExamples.json");
        Assert.That(drifted, Is.Empty, "an example's fields differ from its schema's: take a fresh answer into ResponseExamples.json");
    }

    /// <summary>The names of the schemas request bodies are made of, nested ones included.</summary>
    private static HashSet<string> BodySchemas(JsonNode document)
    {
        var schemas = document["components"]!["schemas"]!;
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode>(document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject()).Select(o => o.Value!["requestBody"]).OfType<JsonNode>());
        while (pending.TryPop(out var node))
        {
            foreach (var reference in node.ToJsonString().Split("\"#/components/schemas/").Skip(1).Select(r => r[..r.IndexOf('"', StringComparison.Ordinal)]))
            {
                if (found.Add(reference))
                {
                    pending.Push(schemas[reference]!);
                }
            }
        }

        return found;
    }

    [Test]
    public async Task EveryParameter_IsDescribed_AndLimitsCarryTheirBounds()
    {
        using var client = Anonymous();
        var document = await client.GetAsync("/openapi/v1.json").ExpectJson(200);
        var parameters = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().SelectMany(o => OpenApiNodes.Parameters(document, o.Value!).Select(x => (Where: $"{o.Key} {p.Key}", Parameter: x))))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(parameters.Where(p => string.IsNullOrEmpty(p.Parameter["description"]?.GetValue<string>())).Select(p => $"{p.Where} {p.Parameter.Str("name")}"), Is.Empty);
            Assert.That(parameters.Where(p => p.Parameter.Str("name") == "limit").Select(p => (p.Parameter["schema"]!["minimum"]!.GetValue<int>(), p.Parameter["schema"]!["maximum"]!.GetValue<int>())),
                Is.Not.Empty.And.All.EqualTo((1, 200)));
        });
    }

    [Test]
    public async Task PropertiesCarryTheirRecordsDocumentation_WithoutLendingItToSharedSchemas()
    {
        using var client = Anonymous();
        var schemas = (await client.GetAsync("/openapi/v1.json").ExpectJson(200))["components"]!["schemas"]!;

        Assert.Multiple(() =>
        {
            Assert.That(schemas["NoticeDto"]!["properties"]!["tier"]!["description"]?.GetValue<string>(), Does.Contain("`due_soon_14`"));
            Assert.That(schemas["ObstacleDto"]!["properties"]!["reference"]!["description"]?.GetValue<string>(), Does.Contain("VM-2026-000042"));
            Assert.That(schemas["RegulationRef"]!["description"]?.GetValue<string>(), Is.Not.EqualTo("That higher document, in brief."),
                "a property's words stay on the property");
        });
    }

    /// <summary>The properties of the schemas request bodies are made of whose type includes <paramref name="type"/>.</summary>
    private static IEnumerable<(string Field, JsonNode Schema)> BodyProperties(JsonNode document, string type)
    {
        var schemas = document["components"]!["schemas"]!;
        return BodySchemas(document)
            .SelectMany(name => (schemas[name]!["properties"]?.AsObject() ?? []).Select(p => (Field: $"{name}.{p.Key}", Schema: p.Value!)))
            .Where(p => p.Schema["type"]?.ToJsonString().Contains(type, StringComparison.Ordinal) == true);
    }
}
