using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api;

public sealed class AccessTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task Me_TellsAnyKeyWhoItIs_AndWhichUnit_WithoutItsSecret()
    {
        var reporter = await CreateKey("reporter", "drafter");
        var me = await reporter.Http.GetAsync("/api/v1/me").ExpectJson(200);
        await Anonymous().GetAsync("/api/v1/me").ExpectProblem(401);

        Assert.Multiple(() =>
        {
            Assert.That(me.Str("keyId"), Is.EqualTo(reporter.KeyId.ToString()));
            Assert.That(me["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EquivalentTo(new[] { "reporter", "drafter" }));
            Assert.That(me["unit"]!.Str("id"), Is.EqualTo(reporter.UnitId.ToString()));
            Assert.That(reporter.Secret, Does.StartWith(me.Str("prefix")));
            Assert.That(me.ToJsonString(), Does.Not.Contain(reporter.Secret));
        });
        reporter.Http.Dispose();
    }

    [Test]
    public async Task RegisterUnit_StoresCodeUpperCaseAndReturnsLocation()
    {
        var code = $"btttt{Unique()}";
        using var response = await Admin.PostJson("/api/v1/units", new JsonObject
        {
            ["code"] = code, ["name"] = "Bộ Thông tin và Truyền thông", ["kind"] = "ministry",
        });

        var json = await response.ExpectJson(201);
        Assert.Multiple(() =>
        {
            Assert.That(json.Str("code"), Is.EqualTo(code.ToUpperInvariant()));
            Assert.That(json.Str("kind"), Is.EqualTo("ministry"));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/units/{json.Str("id")}"));
        });
    }

    [Test]
    public async Task RegisterUnit_DuplicateCodeInOtherCase_Returns409()
    {
        var code = $"SO{Unique()}";
        await CreateUnit(code);

        await Admin.PostJson("/api/v1/units", new JsonObject { ["code"] = code.ToLowerInvariant(), ["name"] = "x", ["kind"] = "agency" })
            .ExpectProblem(409);
    }

    [Test]
    public async Task RegisterUnit_WithParent_ListsUnderParent()
    {
        var parent = await CreateUnit();
        var child = await Admin.PostJson("/api/v1/units", new JsonObject
        {
            ["code"] = $"CUC{Unique()}", ["name"] = "Cục Chuyển đổi số quốc gia", ["kind"] = "agency", ["parentId"] = parent.ToString(),
        }).ExpectJson(201);

        var page = await Admin.GetAsync($"/api/v1/units?parentId={parent}").ExpectJson(200);

        Assert.That(page["items"]!.AsArray().Select(i => i!.Str("id")), Is.EqualTo(new[] { child.Str("id") }));
    }

    [TestCase("{\"code\":\"A B\",\"name\":\"x\",\"kind\":\"ministry\"}", "code")]
    [TestCase("{\"code\":\"AB\",\"name\":\"\",\"kind\":\"ministry\"}", "name")]
    [TestCase("{\"code\":\"AB\",\"name\":\"x\",\"kind\":\"planet\"}", "kind")]
    [TestCase("{\"code\":\"AB\",\"name\":\"x\"}", "kind")]
    [TestCase("{\"code\":\"AB\",\"name\":\"x\",\"kind\":\"ministry\",\"parentId\":\"00000000-0000-0000-0000-000000000001\"}", "parentId")]
    public async Task RegisterUnit_BadField_Returns400NamingIt(string body, string field)
    {
        await Admin.PostAsync("/api/v1/units", RawJson(body)).ExpectProblem(400, field);
    }

    [Test]
    public async Task CreateApiKey_ReturnsSecretOnceInDocumentedFormat()
    {
        var unit = await CreateUnit();
        var created = await Admin.PostJson("/api/v1/api-keys", new JsonObject
        {
            ["unitId"] = unit.ToString(), ["roles"] = new JsonArray("reporter", "drafter"), ["name"] = "Cổng của Bộ",
        }).ExpectJson(201);

        var list = await Admin.GetAsync($"/api/v1/api-keys?unitId={unit}").ExpectJson(200);

        var secret = created.Str("secret");
        Assert.Multiple(() =>
        {
            Assert.That(secret, Does.Match("^ork_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$"), "256 random bits after the key id");
            Assert.That(secret, Does.StartWith(created.Str("prefix") + "_"));
            Assert.That(created["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EquivalentTo(new[] { "reporter", "drafter" }));
            Assert.That(list.ToJsonString(), Does.Not.Contain(secret[17..]), "a listed key never shows its secret");
            Assert.That(list["items"]!.AsArray(), Has.Count.EqualTo(1));
        });
    }

    [TestCase("{\"roles\":[\"reporter\"],\"name\":\"x\"}", "unitId")]
    [TestCase("{\"unitId\":\"UNIT\",\"roles\":[],\"name\":\"x\"}", "roles")]
    [TestCase("{\"unitId\":\"UNIT\",\"roles\":[\"reporter\",\"king\"],\"name\":\"x\"}", "roles[1]")]
    [TestCase("{\"unitId\":\"UNIT\",\"roles\":[\"reporter\"]}", "name")]
    [TestCase("{\"unitId\":\"UNIT\",\"roles\":[\"reporter\",\"reporter\",\"drafter\",\"admin\",\"coordinator\"],\"name\":\"x\"}", "roles")]
    [TestCase("{\"unitId\":\"00000000-0000-0000-0000-000000000001\",\"roles\":[\"reporter\"],\"name\":\"x\"}", "unitId")]
    public async Task CreateApiKey_BadField_Returns400NamingIt(string body, string field)
    {
        var unit = await CreateUnit();

        await Admin.PostAsync("/api/v1/api-keys", RawJson(body.Replace("UNIT", unit.ToString(), StringComparison.Ordinal)))
            .ExpectProblem(400, field);
    }

    [Test]
    public async Task ApiKey_WorksInBothHeaders()
    {
        var key = await CreateKey("reporter");
        using var viaHeader = Factory.CreateClient();
        viaHeader.DefaultRequestHeaders.Add("X-Api-Key", key.Secret);

        await key.Http.GetAsync("/api/v1/units").ExpectJson(200);
        await viaHeader.GetAsync("/api/v1/units").ExpectJson(200);
    }

    [Test]
    public async Task RevokedKey_StopsWorkingAtOnce()
    {
        var key = await CreateKey("reporter");
        await key.Http.GetAsync("/api/v1/units").ExpectJson(200);

        using var revoke = await Admin.DeleteAsync($"/api/v1/api-keys/{key.KeyId}");

        Assert.That((int)revoke.StatusCode, Is.EqualTo(204));
        await key.Http.GetAsync("/api/v1/units").ExpectProblem(401);
        var listed = await Admin.GetAsync($"/api/v1/api-keys?unitId={key.UnitId}").ExpectJson(200);
        Assert.That(listed["items"]![0]!["revokedAt"], Is.Not.Null);
    }

    /// <summary>Another instance sharing the database revokes the key: this one trusts what it read for five seconds at most.</summary>
    [Test]
    public async Task KeyRevokedByAnotherInstance_StopsWorkingHereWithinTheCacheLifetime()
    {
        var key = await CreateKey("reporter");
        await key.Http.GetAsync("/api/v1/units").ExpectJson(200);
        var connections = Factory.Services.GetRequiredService<IDbConnectionFactory>();
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE api_key SET revoked_at = @Now WHERE id = @Id", new { Id = key.KeyId, Clock.Now });
        }

        Clock.Now += TimeSpan.FromSeconds(4);
        using var withinTheLifetime = await key.Http.GetAsync("/api/v1/units");
        Clock.Now += TimeSpan.FromSeconds(1);
        using var afterIt = await key.Http.GetAsync("/api/v1/units");

        Assert.Multiple(() =>
        {
            Assert.That((int)withinTheLifetime.StatusCode, Is.EqualTo(200), "read active 4 s ago, within the 5 s lifetime");
            Assert.That((int)afterIt.StatusCode, Is.EqualTo(401));
        });
    }

    [Test]
    public async Task RevokeUnknownKey_Returns404()
    {
        await Admin.DeleteAsync($"/api/v1/api-keys/{Guid.NewGuid()}").ExpectProblem(404);
    }

    [Test]
    public async Task RevokingTheLastTwoAdminKeysAtOnce_RevokesOneAndRefusesTheOther()
    {
        var second = await CreateKey("admin");
        var keys = (await Admin.GetAsync("/api/v1/api-keys?limit=200").ExpectJson(200))["items"]!.AsArray()
            .Where(k => k!["roles"]!.AsArray().Any(r => r!.GetValue<string>() == "admin") && k["revokedAt"] is null).Select(k => k!.Str("id")).ToList();

        var answers = await Task.WhenAll(
            Admin.DeleteAsync($"/api/v1/api-keys/{keys.Single(k => k != second.KeyId.ToString())}"),
            second.Http.DeleteAsync($"/api/v1/api-keys/{second.KeyId}"));
        var statuses = answers.Select(a => (int)a.StatusCode).Order().ToList();
        var working = 0;
        foreach (var client in new[] { Admin, second.Http })
        {
            using var me = await client.GetAsync("/api/v1/api-keys");
            working += me.IsSuccessStatusCode ? 1 : 0;
        }

        Assert.Multiple(() =>
        {
            Assert.That(keys, Has.Count.EqualTo(2));
            Assert.That(statuses[1], Is.EqualTo(409), string.Join(",", statuses));
            Assert.That(statuses[0], Is.LessThan(300));
            Assert.That(working, Is.EqualTo(1), "exactly one admin key still works");
        });
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Test]
    public async Task RevokeLastAdminKey_Returns409AndKeepsItWorking()
    {
        var keys = await Admin.GetAsync("/api/v1/api-keys?limit=200").ExpectJson(200);
        var adminKeyIds = keys["items"]!.AsArray()
            .Where(k => k!["revokedAt"] is null && k["roles"]!.AsArray().Any(r => r!.GetValue<string>() == "admin"))
            .Select(k => k!.Str("id")).ToList();
        Assume.That(adminKeyIds, Has.Count.EqualTo(1), "this test needs the bootstrap key to be the only admin key");

        await Admin.DeleteAsync($"/api/v1/api-keys/{adminKeyIds[0]}").ExpectProblem(409);
        await Admin.GetAsync("/api/v1/units").ExpectJson(200);
    }

    [Test]
    public async Task NoKey_Returns401WithChallenge()
    {
        using var anonymous = Anonymous();
        using var response = await anonymous.GetAsync("/api/v1/regulations");

        await response.ExpectJson(401);
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Does.Contain("ApiKey"));
    }

    [TestCase("ork_000000000000_unknownunknownunknownunknownunknown12345")]
    [TestCase("short")]
    public async Task UnknownKey_Returns401(string key)
    {
        using var client = Client(key);
        using var response = await client.GetAsync("/api/v1/units");

        await response.ExpectJson(401);
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("invalid_key"));
    }

    [Test]
    public async Task OtherAuthorizationScheme_Returns401()
    {
        using var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RegisterFactory.AdminKey);

        await client.GetAsync("/api/v1/units").ExpectProblem(401);
    }

    [TestCase("reporter")]
    [TestCase("drafter")]
    [TestCase("coordinator")]
    public async Task AdminEndpoints_WithoutAdminRole_Return403(string role)
    {
        var key = await CreateKey(role);

        await key.Http.PostJson("/api/v1/units", new JsonObject { ["code"] = "X1", ["name"] = "x", ["kind"] = "other" }).ExpectProblem(403);
        await key.Http.GetAsync("/api/v1/api-keys").ExpectProblem(403);
        await key.Http.DeleteAsync($"/api/v1/api-keys/{key.KeyId}").ExpectProblem(403);
    }

    [Test]
    public async Task Keys_NeverAppearInLogs()
    {
        var key = await CreateKey("coordinator");
        await key.Http.GetAsync("/api/v1/regulations").ExpectJson(200);
        using var wrong = Client("ork_aaaaaaaaaaaa_thisisnotarealkeybutitmustnotbeloggedeither");
        await wrong.GetAsync("/api/v1/regulations").ExpectJson(401);

        var logs = string.Join('\n', Factory.LogLines);

        Assert.Multiple(() =>
        {
            Assert.That(logs, Is.Not.Empty, "the log collector must be receiving lines");
            Assert.That(logs, Does.Not.Contain(key.Secret));
            Assert.That(logs, Does.Not.Contain(RegisterFactory.AdminKey));
            Assert.That(logs, Does.Not.Contain("thisisnotarealkey"));
        });
    }
}
