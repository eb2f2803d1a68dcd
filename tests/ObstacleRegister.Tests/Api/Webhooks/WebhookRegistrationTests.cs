using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Webhooks;

/// <summary>Registering endpoints with the production rules: https only, no internal targets.</summary>
public sealed class WebhookRegistrationTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string> { ["Webhooks:AllowHttp"] = "false" };

    [Test]
    public async Task Register_ShowsTheSecretOnceAndNeverAgain()
    {
        using var response = await Admin.PostJson("/api/v1/webhooks", Body("https://93.184.216.34/hooks/register"));
        var created = await response.ExpectJson(201);
        var id = created["endpoint"]!.Str("id");

        var read = await Admin.GetAsync($"/api/v1/webhooks/{id}");
        var text = await read.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/api/v1/webhooks/{id}"));
            Assert.That(created.Str("secret"), Does.StartWith("whsec_"));
            Assert.That(Convert.FromBase64String(created.Str("secret")["whsec_".Length..]), Has.Length.EqualTo(32));
            Assert.That(text, Does.Not.Contain(created.Str("secret")["whsec_".Length..]));
            Assert.That(created["endpoint"]!.Str("status"), Is.EqualTo("active"));
        });
    }

    [TestCase("http://93.184.216.34/hook")]
    [TestCase("ftp://93.184.216.34/hook")]
    [TestCase("https://10.1.2.3/hook")]
    [TestCase("https://172.20.0.1/hook")]
    [TestCase("https://192.168.1.10/hook")]
    [TestCase("https://169.254.169.254/latest/meta-data")]
    [TestCase("https://127.0.0.1/hook")]
    [TestCase("https://[::1]/hook")]
    [TestCase("https://[fd00::1]/hook")]
    [TestCase("https://localhost/hook")]
    [TestCase("https://user:password@93.184.216.34/hook")]
    [TestCase("not a url")]
    public async Task Register_UnsafeOrMalformedUrl_Returns400NamingUrl(string url)
    {
        var problem = await Admin.PostJson("/api/v1/webhooks", Body(url)).ExpectProblem(400);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "url" }));
    }

    [Test]
    public async Task Register_UnknownEventTypeOrUnit_Returns400NamingTheField()
    {
        var body = Body("https://93.184.216.34/hook");
        body["eventTypes"] = new JsonArray("obstacle.accepted", "obstacle.eaten");
        var unknownUnit = Body("https://93.184.216.34/hook");
        unknownUnit["unitId"] = Guid.NewGuid().ToString();

        var types = await Admin.PostJson("/api/v1/webhooks", body).ExpectProblem(400);
        var unit = await Admin.PostJson("/api/v1/webhooks", unknownUnit).ExpectProblem(400);

        Assert.Multiple(() =>
        {
            Assert.That(types["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "eventTypes[1]" }));
            Assert.That(unit["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "unitId" }));
        });
    }

    [Test]
    public async Task Webhooks_ByAKeyWithoutAdmin_Return403()
    {
        var coordinator = await CreateKey("coordinator", "reporter", "drafter");

        await coordinator.Http.PostJson("/api/v1/webhooks", Body("https://93.184.216.34/hook")).ExpectProblem(403);
        await coordinator.Http.GetAsync("/api/v1/webhooks").ExpectProblem(403);
        coordinator.Http.Dispose();
    }

    [Test]
    public async Task Disable_ThenEnable_ChangesTheStatus()
    {
        var id = (await Admin.PostJson("/api/v1/webhooks", Body("https://93.184.216.34/hook")).ExpectJson(201))["endpoint"]!.Str("id");

        using var disabled = await Admin.DeleteAsync($"/api/v1/webhooks/{id}");
        var afterDisable = await Admin.GetAsync($"/api/v1/webhooks/{id}").ExpectJson(200);
        var enabled = await Admin.PostAsync($"/api/v1/webhooks/{id}/enable", null).ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That((int)disabled.StatusCode, Is.EqualTo(204));
            Assert.That(afterDisable.Str("status"), Is.EqualTo("disabled"));
            Assert.That(enabled.Str("status"), Is.EqualTo("active"));
            Assert.That(enabled["disabledReason"], Is.Null);
        });
    }

    private static JsonObject Body(string url) => new() { ["url"] = url, ["eventTypes"] = new JsonArray("obstacle.resolved", "amendment.*") };
}
