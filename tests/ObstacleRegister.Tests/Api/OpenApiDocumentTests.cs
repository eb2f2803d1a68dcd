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
}
