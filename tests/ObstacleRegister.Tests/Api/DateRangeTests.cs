using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Obstacles;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api;

/// <summary>Dates at the edges of the calendar are a 400 naming the field, never a 500 from date arithmetic.</summary>
public sealed class DateRangeTests(DatabaseProvider provider) : ObstacleTest(provider)
{
    [TestCase("/api/v1/public/progress?period=week&on=9999-12-31", "on", false)]
    [TestCase("/api/v1/public/progress?period=month&on=9999-12-31", "on", false)]
    [TestCase("/api/v1/public/progress?period=week&on=0001-01-01", "on", false)]
    [TestCase("/api/v1/reports/progress?period=week&on=9999-12-31", "on", true)]
    [TestCase("/api/v1/reports/progress?period=month&on=9999-12-31", "on", true)]
    [TestCase("/api/v1/reports/progress?period=week&on=0001-01-01", "on", true)]
    [TestCase("/api/v1/obstacles?reportedTo=9999-12-31", "reportedTo", true)]
    [TestCase("/api/v1/obstacles?reportedFrom=0001-01-01", "reportedFrom", true)]
    [TestCase("/api/v1/amendments?dueBefore=9999-12-31", "dueBefore", true)]
    public async Task QueryDate_OutsideTheRange_Is400NamingIt(string url, string field, bool withKey)
    {
        using var client = withKey ? Client(Coordinator.Secret) : Anonymous();

        var problem = await client.GetAsync(url).ExpectProblem(400, field);

        Assert.That(problem["errors"]![field]![0]!.GetValue<string>(), Does.Contain("1900-01-01").And.Contain("2199-12-31"));
    }

    [Test]
    public async Task QueryDate_AtTheEdgesOfTheRange_IsAnswered()
    {
        await Coordinator.Http.GetAsync("/api/v1/reports/progress?period=week&on=2199-12-31").ExpectJson(200);
        await Coordinator.Http.GetAsync("/api/v1/reports/progress?period=month&on=1900-01-01").ExpectJson(200);
        await Coordinator.Http.GetAsync("/api/v1/obstacles?reportedFrom=1900-01-01&reportedTo=2199-12-31").ExpectJson(200);
    }

    [Test]
    public async Task BodyDate_OutsideTheRange_Is400NamingTheField()
    {
        var body = new JsonObject
        {
            ["symbol"] = $"{Unique()}/2023/NĐ-CP", ["type"] = "decree", ["title"] = "Nghị định", ["issuer"] = "Chính phủ", ["issuedOn"] = "0001-01-01",
        };

        var problem = await Coordinator.Http.PostJson("/api/v1/regulations", body).ExpectProblem(400, "issuedOn");

        Assert.That(problem["errors"]!["issuedOn"]![0]!.GetValue<string>(), Does.Contain("1900-01-01"));
    }
}
