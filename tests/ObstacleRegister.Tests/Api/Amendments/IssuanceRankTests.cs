using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>
/// Rank decides what may change what: a document amends, supplements, replaces or repeals only one of its own rank or
/// below, and guides only one of its rank or above; a Government resolution may adjust a law temporarily.
/// </summary>
public sealed class IssuanceRankTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    [Test]
    public async Task Issue_ACircularAmendingALaw_Returns400OnDocumentSymbol_NamingBothRanks_AndRegistersNothing()
    {
        var law = await RegisterRegulation($"{Unique()}/2023/QH15", "law", "Luật Giao dịch điện tử");
        var id = await SubmittedAmendmentOf(law, "amend");
        var circular = NewCircularSymbol();

        var problem = await Issue(id, IssueBody(circular), status: 400);
        var vietnamese = await Send(Drafter.Http, $"/api/v1/amendments/{id}/issue", IssueBody(circular), status: 400, language: "vi");

        var registered = await Coordinator.Http.GetAsync($"/api/v1/regulations?symbol={circular}").ExpectJson(200);
        Assert.Multiple(async () =>
        {
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "documentSymbol" }));
            Assert.That(problem["errors"]!["documentSymbol"]![0]!.GetValue<string>(), Does.Contain(circular).And.Contain("(Circular)").And.Contain("(Law)"));
            Assert.That(vietnamese.Body["errors"]!["documentSymbol"]![0]!.GetValue<string>(), Does.Contain("(Thông tư)").And.Contain("(Luật)"));
            Assert.That(registered["items"]!.AsArray(), Is.Empty);
            Assert.That((await GetAmendment(id)).Str("status"), Is.EqualTo("submitted"));
            Assert.That(await RegulationStatus(law), Is.EqualTo("in_force"));
        });
    }

    [Test]
    public async Task Issue_LinkingARegisteredDecreeToRepealALaw_Returns400OnRegulationId()
    {
        var law = await RegisterRegulation($"{Unique()}/2023/QH15", "law", "Luật Giao dịch điện tử");
        var decree = await RegisterRegulation($"{Unique()}/2026/NĐ-CP", "decree", "Nghị định bãi bỏ");
        var id = await SubmittedAmendmentOf(law, "repeal");

        var problem = await Issue(id, new JsonObject { ["regulationId"] = decree }, status: 400);

        Assert.Multiple(async () =>
        {
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "regulationId" }));
            Assert.That(problem["errors"]!["regulationId"]![0]!.GetValue<string>(), Does.Contain("(Decree)").And.Contain("(Law)"));
            Assert.That(await RegulationStatus(law), Is.EqualTo("in_force"));
        });
    }

    [Test]
    public async Task Issue_AGovernmentResolutionAdjustingALawTemporarily_IsAccepted_ButNotAmendingIt()
    {
        var law = await RegisterRegulation($"{Unique()}/2023/QH15", "law", "Luật Giao dịch điện tử");
        var adjustment = await SubmittedAmendmentOf(law, "temporary_adjustment");
        var amendment = await SubmittedAmendmentOf(law, "amend");

        var adjusted = await Issue(adjustment, IssueBody($"{Unique()}/2026/NQ-CP"));
        var refused = await Issue(amendment, IssueBody($"{Unique()}/2026/NQ-CP"), status: 400);

        Assert.Multiple(() =>
        {
            Assert.That(adjusted.Str("status"), Is.EqualTo("in_force"));
            Assert.That(refused["errors"]!["documentSymbol"]![0]!.GetValue<string>(), Does.Contain("(Government resolution)"));
        });
    }

    [Test]
    public async Task Register_ALawThatGuidesACircular_Returns400OnGuidesId()
    {
        var body = new JsonObject
        {
            ["symbol"] = $"{Unique()}/2023/QH15", ["type"] = "law", ["title"] = "Luật hướng dẫn một thông tư", ["issuer"] = "Quốc hội",
            ["issuedOn"] = "2023-04-17", ["effectiveOn"] = "2023-07-01", ["guidesId"] = CircularId,
        };

        var problem = await Coordinator.Http.PostJson("/api/v1/regulations", body).ExpectJson(400);

        Assert.That(problem["errors"]!["guidesId"]![0]!.GetValue<string>(), Does.Contain("(Law)").And.Contain("(Circular)"));
    }

    private async Task<string> SubmittedAmendmentOf(string target, string kind)
    {
        var body = OpenBody();
        body["regulationId"] = target;
        body["kind"] = kind;
        var id = (await Open(body)).Str("id");
        await AdvanceTo(id, "submitted");
        return id;
    }
}
