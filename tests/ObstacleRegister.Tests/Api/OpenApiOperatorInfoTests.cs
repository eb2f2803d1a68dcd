using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api;

/// <summary>The contact and licence of the document are the operator's: served when configured, absent otherwise.</summary>
public sealed class OpenApiOperatorInfoTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string>
    {
        ["OpenApi:ContactName"] = "Bộ phận vận hành sổ đăng ký",
        ["OpenApi:ContactEmail"] = "api@register.example",
        ["OpenApi:LicenseName"] = "CC BY 4.0",
        ["OpenApi:LicenseUrl"] = "https://creativecommons.org/licenses/by/4.0/",
    };

    [Test]
    public async Task ConfiguredContactAndLicence_AreInTheDocumentsInfo()
    {
        using var client = Anonymous();
        var info = (await client.GetAsync("/openapi/v1.json").ExpectJson(200))["info"]!;
        var committed = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(OpenApiDocumentTests.CommittedPath))!["info"]!;

        Assert.Multiple(() =>
        {
            Assert.That(info["contact"]!.Str("email"), Is.EqualTo("api@register.example"));
            Assert.That(info["contact"]!.Str("name"), Is.EqualTo("Bộ phận vận hành sổ đăng ký"));
            Assert.That(info["license"]!.Str("name"), Is.EqualTo("CC BY 4.0"));
            Assert.That(info["license"]!.Str("url"), Is.EqualTo("https://creativecommons.org/licenses/by/4.0/"));
            Assert.That(committed["contact"], Is.Null, "the committed document names no operator");
        });
    }
}
