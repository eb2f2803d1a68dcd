using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Obstacles;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Webhooks;

/// <summary>
/// The outbox survives a restart: a change committed by a host that never dispatched (its dispatcher runs hourly
/// here, as if it died right after the commit) is delivered by the next host started on the same database.
/// </summary>
public sealed class WebhookRestartTests(DatabaseProvider provider) : ObstacleTest(provider)
{
    private readonly WebhookReceiver firstReceiver = new();

    protected override IReadOnlyDictionary<string, string>? HostSettings =>
        new Dictionary<string, string> { ["Webhooks:AllowPrivateTargets"] = "true" };

    protected override void ConfigureTestServices(IServiceCollection services) => firstReceiver.Register(services);

    [Test]
    public async Task ChangeCommittedBeforeARestart_IsDeliveredByTheNextHost()
    {
        const string url = "http://receiver.test/hooks/restart";
        var secret = (await Admin.PostJson("/api/v1/webhooks", new JsonObject
        {
            ["url"] = url, ["eventTypes"] = new JsonArray("obstacle.submitted"),
        }).ExpectJson(201)).Str("secret");
        var obstacle = (await Submit(ReporterA)).Str("id");
        var beforeRestart = firstReceiver.Received.Count;

        var nextReceiver = new WebhookReceiver();
        using var next = new RegisterFactory(Factory.Database, Clock, new Dictionary<string, string>
        {
            ["Webhooks:AllowPrivateTargets"] = "true", ["Webhooks:DispatchInterval"] = "00:00:00.100",
        }, nextReceiver.Register);
        _ = next.Server;
        var delivered = await nextReceiver.WaitFor(1, url);

        Assert.Multiple(() =>
        {
            Assert.That(beforeRestart, Is.Zero, "the first host never dispatched");
            Assert.That(delivered, Has.Count.EqualTo(1));
            Assert.That(delivered[0].IsSignedWith(secret), Is.True);
            Assert.That(JsonNode.Parse(delivered[0].Body)!["data"]!.Str("resourceId"), Is.EqualTo(obstacle));
        });
    }
}
