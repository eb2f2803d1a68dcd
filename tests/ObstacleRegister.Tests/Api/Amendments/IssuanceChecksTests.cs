using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>What issuance checks before it records anything: the dates, the type the symbol names, the stages still to pass.</summary>
public sealed class IssuanceChecksTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    [Test]
    public async Task Issue_DatedBeforeTheWorkWasOpenedOrBeforeTheTargetWasIssued_Returns400OnIssuedOn_AndRegistersNothing()
    {
        var id = await SubmittedAmendment();
        var beforeOpened = NewCircularSymbol();
        var beforeTarget = $"{Unique()}/2024/TT-BTTTT";

        var early = await Issue(id, IssueBody(beforeOpened, issuedOn: "2026-03-01", effectiveOn: "2026-03-01"), status: 400);
        var older = await Issue(id, IssueBody(beforeTarget, issuedOn: "2024-01-10", effectiveOn: "2024-01-10"), status: 400);

        var registered = await Coordinator.Http.GetAsync("/api/v1/regulations?limit=200").ExpectJson(200);
        Assert.Multiple(async () =>
        {
            Assert.That(early["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "issuedOn" }));
            Assert.That(early["errors"]!["issuedOn"]![0]!.GetValue<string>(), Does.Contain("opened (2026-03-02)"));
            Assert.That(older["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "issuedOn" }));
            Assert.That(older["errors"]!["issuedOn"]![0]!.GetValue<string>(), Does.Contain("was issued (2024-01-15)"));
            Assert.That(registered["items"]!.AsArray().Select(r => r!.Str("symbol")), Has.None.EqualTo(beforeOpened).And.None.EqualTo(beforeTarget));
            Assert.That((await GetAmendment(id)).Str("status"), Is.EqualTo("submitted"));
        });
    }

    [Test]
    public async Task Issue_LinkingADocumentOlderThanTheTarget_Returns400OnRegulationId()
    {
        var id = await SubmittedAmendment();
        var older = await RegisterRegulation($"{Unique()}/2020/TT-BTTTT", "circular", "Thông tư cũ hơn văn bản được sửa");

        var problem = await Issue(id, new JsonObject { ["regulationId"] = older }, status: 400);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "regulationId" }));
    }

    [Test]
    public async Task Issue_TheDocumentsType_IsTheOneItsSymbolNames_NotTheTargets()
    {
        var id = await SubmittedAmendment();
        var contradicted = await SubmittedAmendment();
        var decree = $"{Unique()}/2026/NĐ-CP";
        var mistyped = IssueBody($"{Unique()}/2026/NĐ-CP");
        mistyped["type"] = "circular";

        var issued = await Issue(id, IssueBody(decree));
        var refused = await Issue(contradicted, mistyped, status: 400);

        var document = await Coordinator.Http.GetAsync($"/api/v1/regulations/{issued["issuedDocument"]!.Str("regulationId")}").ExpectJson(200);
        Assert.Multiple(() =>
        {
            Assert.That(document.Str("type"), Is.EqualTo("decree"), "NĐ-CP names a decree, though the target is a circular");
            Assert.That(refused["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "type" }));
        });
    }

    [Test]
    public async Task Register_WithATypeItsSymbolContradicts_Returns400OnType_AndASymbolThatSaysNothingTakesEither()
    {
        var body = new JsonObject
        {
            ["symbol"] = $"{Unique()}/2024/TT-BTTTT", ["type"] = "decree", ["title"] = "Thông tư ghi nhầm loại",
            ["issuer"] = "Bộ Thông tin và Truyền thông", ["issuedOn"] = "2024-02-01",
        };
        var law = new JsonObject
        {
            ["symbol"] = $"{Unique() % 100}/2018/QH14", ["type"] = "national_assembly_resolution", ["title"] = "Nghị quyết của Quốc hội",
            ["issuer"] = "Quốc hội", ["issuedOn"] = "2018-06-12",
        };

        var problem = await Coordinator.Http.PostJson("/api/v1/regulations", body).ExpectJson(400);
        await Coordinator.Http.PostJson("/api/v1/regulations", law).ExpectJson(201);

        Assert.That(problem["errors"]!["type"]![0]!.GetValue<string>(), Does.Contain("names a circular"));
    }

    [Test]
    public async Task SkippingStages_Returns409NamingEveryStageStillToPass()
    {
        var id = (await Open()).Str("id");
        await CheckIn(id, "drafting");

        var issue = await Issue(id, IssueBody(NewCircularSymbol()), status: 409);
        var checkIn = await CheckIn(id, "submitted", status: 409);

        Assert.Multiple(() =>
        {
            Assert.That(issue["stagesToPass"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "consultation", "appraisal", "submitted" }));
            Assert.That(issue.Str("detail"), Does.Contain("consultation, appraisal, submitted"));
            Assert.That(checkIn["stagesToPass"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "consultation", "appraisal" }));
        });
    }
}
