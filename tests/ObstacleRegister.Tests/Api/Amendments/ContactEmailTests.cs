using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>Where notices go: a unit's contact address and the responsible official's, kept off the public pages.</summary>
public sealed class ContactEmailTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    [Test]
    public async Task UnitAndOfficialAddresses_AreStoredAndShownToKeys_NotToThePublic()
    {
        var unit = await Admin.PostJson("/api/v1/units", new JsonObject
        {
            ["code"] = $"VPC{Unique()}", ["name"] = "Vụ Pháp chế", ["kind"] = "agency", ["contactEmail"] = " phapche@mic.gov.vn ",
        }).ExpectJson(201);
        var body = OpenBody(await AcceptedObstacle(ReporterA));
        body["responsibleOfficial"] = new JsonObject { ["name"] = "Nguyễn Văn B", ["position"] = "Thứ trưởng", ["email"] = "nvb@mic.gov.vn" };
        var id = (await Open(body)).Str("id");

        var read = await GetAmendment(id);
        var unitRead = await Coordinator.Http.GetAsync($"/api/v1/units/{unit.Str("id")}").ExpectJson(200);
        var publicPage = await (await Anonymous().GetAsync("/api/v1/public/amendments")).Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(unitRead.Str("contactEmail"), Is.EqualTo("phapche@mic.gov.vn"));
            Assert.That(read["responsibleOfficial"]!.Str("email"), Is.EqualTo("nvb@mic.gov.vn"));
            Assert.That(publicPage, Does.Contain("Nguyễn Văn B").And.Not.Contain("nvb@mic.gov.vn"));
        });
    }

    [TestCase("not an address")]
    [TestCase("Nguyễn <nvb@mic.gov.vn>")]
    [TestCase("a@b")]
    public async Task MalformedAddress_Is400NamingTheField(string address)
    {
        await Admin.PostJson("/api/v1/units", new JsonObject
        {
            ["code"] = $"E{Unique()}", ["name"] = "Sở", ["kind"] = "province", ["contactEmail"] = address,
        }).ExpectProblem(400, "contactEmail");
        var body = OpenBody(await AcceptedObstacle(ReporterA));
        body["responsibleOfficial"] = new JsonObject { ["name"] = "Nguyễn Văn B", ["position"] = "Thứ trưởng", ["email"] = address };

        await Coordinator.Http.PostJson("/api/v1/amendments", body).ExpectProblem(400, "responsibleOfficial.email");
    }
}
