using System.Net.Mime;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudNative.CloudEvents.SystemTextJson;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Webhooks;

/// <summary>
/// An endpoint may take its deliveries as CloudEvents 1.0 in structured JSON mode, read here by the CloudEvents SDK's
/// own parser; signed as every delivery is. The register's envelope stays the default for every other endpoint.
/// </summary>
public sealed class CloudEventsWebhookTests(DatabaseProvider provider) : WebhookTest(provider)
{
    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string>(base.HostSettings!)
    {
        ["Notifications:PublicBaseUrl"] = "https://register.test/",
    };

    [Test]
    public async Task ACloudEventsEndpoint_ReceivesEachChangeAsACloudEvent_TheSdkReads_AndOthersKeepTheRegistersEnvelope()
    {
        var (cloudUrl, registerUrl) = (Url(), Url());
        var created = await Admin.PostJson("/api/v1/webhooks", new JsonObject
        {
            ["url"] = cloudUrl, ["eventTypes"] = new JsonArray("obstacle.submitted"), ["format"] = "cloudevents",
        }).ExpectJson(201);
        await RegisterEndpoint(registerUrl, ["obstacle.submitted"], null);
        var obstacle = await Submit(ReporterA);

        await DispatchRound();
        var cloud = Receiver.For(cloudUrl).Single();
        var plain = Receiver.For(registerUrl).Single();
        var parsed = new JsonEventFormatter().DecodeStructuredModeMessage(Encoding.UTF8.GetBytes(cloud.Body), new ContentType(cloud.ContentType!), null);
        var data = (JsonElement)parsed.Data!;
        var change = (await Coordinator.Http.GetAsync("/api/v1/changes?limit=200").ExpectJson(200))["items"]!.AsArray()
            .Single(c => c!.Str("type") == "obstacle.submitted" && c!.Str("resourceId") == obstacle.Str("id"))!;

        Assert.Multiple(() =>
        {
            Assert.That(created["endpoint"]!.Str("format"), Is.EqualTo("cloudevents"));
            Assert.That(cloud.ContentType, Does.StartWith("application/cloudevents+json"));
            Assert.That(parsed.SpecVersion.VersionId, Is.EqualTo("1.0"));
            Assert.That(parsed.Type, Is.EqualTo("obstacle.submitted"));
            Assert.That(parsed.Id, Is.EqualTo(change.Str("id")), "the change's id: the same event whichever endpoint or attempt");
            Assert.That(parsed.Source?.ToString(), Is.EqualTo("https://register.test/api/v1/changes"));
            Assert.That(parsed.Subject, Is.EqualTo($"obstacle/{obstacle.Str("id")}"));
            Assert.That(parsed.Time, Is.Not.Null);
            Assert.That(data.GetProperty("resourceId").GetString(), Is.EqualTo(obstacle.Str("id")));
            Assert.That(cloud.IsSignedWith(created.Str("secret")), Is.True, "signed as every delivery is");
            Assert.That(plain.ContentType, Does.StartWith("application/json"));
            Assert.That(JsonNode.Parse(plain.Body)!.Str("type"), Is.EqualTo("obstacle.submitted"), "the register's envelope by default");
        });
    }

    [Test]
    public async Task AnUnknownFormat_IsRefused_NamingTheField()
    {
        var url = Url();
        await Admin.PostJson("/api/v1/webhooks", new JsonObject
        {
            ["url"] = url, ["eventTypes"] = new JsonArray("obstacle.submitted"), ["format"] = "xml",
        }).ExpectProblem(400, "format");
        var endpoints = (await Admin.GetAsync("/api/v1/webhooks?limit=200").ExpectJson(200))["items"]!.AsArray();

        Assert.That(endpoints.Select(e => e!.Str("url")), Does.Not.Contain(url), "nothing registered");
    }
}
