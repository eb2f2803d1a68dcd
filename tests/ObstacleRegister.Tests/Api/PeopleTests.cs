using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api;

/// <summary>Admins keep the register's people: who they are, their unit and their roles.</summary>
public sealed class PeopleTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task AddPerson_AnswersThePersonWithLocationAndETag_AndListsThemUnderTheirUnit()
    {
        var unit = await CreateUnit();
        using var response = await Admin.PostJson("/api/v1/people", Person(unit, "Lan.Nguyen@Example.org", "reporter", "drafter"));
        var person = await response.ExpectJson(201);

        var listed = await Admin.GetAsync($"/api/v1/people?unitId={unit}").ExpectJson(200);
        var other = await Admin.GetAsync($"/api/v1/people?unitId={await CreateUnit()}").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/api/v1/people/{person.Str("id")}"));
            Assert.That(response.Headers.ETag!.Tag, Is.EqualTo("\"1\""));
            Assert.That(person.Str("email"), Is.EqualTo("Lan.Nguyen@Example.org"));
            Assert.That(person["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EquivalentTo(new[] { "reporter", "drafter" }));
            Assert.That(listed["items"]!.AsArray().Select(p => p!.Str("id")), Is.EqualTo(new[] { person.Str("id") }));
            Assert.That(other["items"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task AnAddressTakenInAnotherCase_Is409_UntilItsPersonIsRemoved()
    {
        var unit = await CreateUnit();
        var first = await Admin.PostJson("/api/v1/people", Person(unit, "minh@example.org", "coordinator")).ExpectJson(201);

        await Admin.PostJson("/api/v1/people", Person(unit, "MINH@example.org", "reporter")).ExpectProblem(409);
        using var removed = await Admin.DeleteAsync($"/api/v1/people/{first.Str("id")}");
        var again = await Admin.PostJson("/api/v1/people", Person(unit, "MINH@example.org", "reporter")).ExpectJson(201);

        Assert.Multiple(async () =>
        {
            Assert.That((int)removed.StatusCode, Is.EqualTo(204));
            Assert.That(again.Str("id"), Is.Not.EqualTo(first.Str("id")));
            await Admin.GetAsync($"/api/v1/people/{first.Str("id")}").ExpectProblem(404);
        });
    }

    [Test]
    public async Task APatch_ChangesTheFieldsItNames_AndAStaleOneIs412()
    {
        var unit = await CreateUnit();
        var person = await Admin.PostJson("/api/v1/people", Person(unit, "hoa@example.org", "reporter")).ExpectJson(201);
        var path = $"/api/v1/people/{person.Str("id")}";

        using var changed = await Admin.PatchMergeJson(path, new JsonObject { ["name"] = "Trần Thị Hoa", ["roles"] = new JsonArray("drafter") }, "\"1\"");
        var body = await changed.ExpectJson(200);
        await Admin.PatchMergeJson(path, new JsonObject { ["name"] = "Ai đó" }, "\"1\"").ExpectProblem(412);

        Assert.Multiple(() =>
        {
            Assert.That(body.Str("name"), Is.EqualTo("Trần Thị Hoa"));
            Assert.That(body.Str("email"), Is.EqualTo("hoa@example.org"), "what the patch does not name stays");
            Assert.That(body["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "drafter" }));
            Assert.That(changed.Headers.ETag!.Tag, Is.EqualTo("\"2\""));
        });
    }

    [TestCase("{\"name\":\"x\",\"unitId\":\"UNIT\",\"roles\":[\"reporter\"]}", "email")]
    [TestCase("{\"email\":\"not an address\",\"name\":\"x\",\"unitId\":\"UNIT\",\"roles\":[\"reporter\"]}", "email")]
    [TestCase("{\"email\":\"a@example.org\",\"name\":\" \",\"unitId\":\"UNIT\",\"roles\":[\"reporter\"]}", "name")]
    [TestCase("{\"email\":\"a@example.org\",\"name\":\"x\",\"roles\":[\"reporter\"]}", "unitId")]
    [TestCase("{\"email\":\"a@example.org\",\"name\":\"x\",\"unitId\":\"00000000-0000-0000-0000-000000000001\",\"roles\":[\"reporter\"]}", "unitId")]
    [TestCase("{\"email\":\"a@example.org\",\"name\":\"x\",\"unitId\":\"UNIT\",\"roles\":[]}", "roles")]
    [TestCase("{\"email\":\"a@example.org\",\"name\":\"x\",\"unitId\":\"UNIT\",\"roles\":[\"king\"]}", "roles[0]")]
    public async Task AddPerson_BadField_Returns400NamingIt_AndAddsNobody(string body, string field)
    {
        var unit = await CreateUnit();

        await Admin.PostAsync("/api/v1/people", RawJson(body.Replace("UNIT", unit.ToString(), StringComparison.Ordinal))).ExpectProblem(400, field);
        var listed = await Admin.GetAsync($"/api/v1/people?unitId={unit}").ExpectJson(200);

        Assert.That(listed["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task OnlyAdmins_KeepPeople()
    {
        var unit = await CreateUnit();
        var coordinator = await CreateKey("coordinator");

        await coordinator.Http.PostJson("/api/v1/people", Person(unit, "x@example.org", "reporter")).ExpectProblem(403);
        await coordinator.Http.GetAsync("/api/v1/people").ExpectProblem(403);
        await Anonymous().GetAsync("/api/v1/people").ExpectProblem(401);
        coordinator.Http.Dispose();
    }

    private static JsonObject Person(Guid unit, string email, params string[] roles) => new()
    {
        ["email"] = email, ["name"] = "Nguyễn Thị Lan", ["unitId"] = unit.ToString(), ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)r)]),
    };
}
