using System.Text.Json.Nodes;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>Issuance, entry into force on the date, and the cascade into Obstacles and Regulations.</summary>
public sealed class IssuanceTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    [Test]
    public async Task Issue_EffectiveToday_IsInForceAndResolvesObstaclesAndTheirDuplicates()
    {
        var master = await AcceptedObstacle(ReporterA);
        var duplicate = (await Submit(ReporterB, Obstacle(regulationId: CircularId))).Str("id");
        await Transition(Coordinator.Http, duplicate, "duplicate", new JsonObject { ["duplicateOfId"] = master });
        var id = await SubmittedAmendment(master);
        var symbol = NewCircularSymbol();

        var amendment = await Issue(id, IssueBody(symbol));

        var duplicateHistory = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{duplicate}/history").ExpectJson(200);
        Assert.Multiple(async () =>
        {
            Assert.That(amendment.Str("status"), Is.EqualTo("in_force"));
            Assert.That(amendment["issuedDocument"]!.Str("symbol"), Is.EqualTo(symbol));
            Assert.That(amendment["stages"]![5]!.Str("reachedOn"), Is.EqualTo("2026-03-02"));
            Assert.That(amendment["stages"]![6]!.Str("reachedOn"), Is.EqualTo("2026-03-02"));
            Assert.That(await ObstacleStatus(master), Is.EqualTo("resolved"));
            Assert.That(await ObstacleStatus(duplicate), Is.EqualTo("resolved"));
            Assert.That(duplicateHistory["items"]!.AsArray()[^1]!.Str("action"), Is.EqualTo("resolved_with_master"));
            Assert.That(await RegulationStatus(CircularId), Is.EqualTo("amended"));
        });
    }

    [Test]
    public async Task Issue_RegistersTheNewDocumentAndBothDocumentsShowTheChange()
    {
        var id = await SubmittedAmendment();
        var symbol = NewCircularSymbol();

        var amendment = await Issue(id, IssueBody(symbol));

        var issuedId = amendment["issuedDocument"]!.Str("regulationId");
        var issued = await Coordinator.Http.GetAsync($"/api/v1/regulations/{issuedId}").ExpectJson(200);
        var target = await Coordinator.Http.GetAsync($"/api/v1/regulations/{CircularId}").ExpectJson(200);
        var bySymbol = await Coordinator.Http.GetAsync($"/api/v1/regulations?symbol={symbol.Replace("TT-BTTTT", "tt-btttt", StringComparison.Ordinal)}").ExpectJson(200);
        Assert.Multiple(() =>
        {
            Assert.That(issued.Str("symbol"), Is.EqualTo(symbol));
            Assert.That(issued.Str("type"), Is.EqualTo("circular"), "the target's type by default");
            Assert.That(issued.Str("issuer"), Is.EqualTo("Bộ Thông tin và Truyền thông"), "the target's issuer by default");
            Assert.That(issued.Str("title"), Is.EqualTo("Sửa đổi Điều 5 về thời hạn cấp phép"), "the amendment's title by default");
            Assert.That(issued.Str("status"), Is.EqualTo("in_force"));
            Assert.That(issued["changes"]![0]!.Str("relation"), Is.EqualTo("amends"));
            Assert.That(issued["changes"]![0]!["regulation"]!.Str("id"), Is.EqualTo(CircularId));
            Assert.That(target["changedBy"]![0]!["regulation"]!.Str("id"), Is.EqualTo(issuedId));
            Assert.That(target["amendments"]!.AsArray().Select(a => a!.Str("id")), Is.EqualTo(new[] { id }));
            Assert.That(issued["amendments"]!.AsArray().Select(a => a!.Str("id")), Is.EqualTo(new[] { id }));
            Assert.That(Ids(bySymbol), Is.EqualTo(new[] { issuedId }));
        });
    }

    [TestCase("replace", "replaced")]
    [TestCase("repeal", "repealed")]
    [TestCase("supplement", "amended")]
    [TestCase("temporary_adjustment", "amended")]
    [TestCase("interpretation", "in_force")]
    public async Task Issue_InForce_SetsTheTargetStatusTheKindCallsFor(string kind, string targetStatus)
    {
        var id = await SubmittedAmendment(kind: kind);

        await Issue(id, IssueBody(NewCircularSymbol()));

        Assert.That(await RegulationStatus(CircularId), Is.EqualTo(targetStatus));
    }

    [Test]
    public async Task Issue_NewGuidance_RegistersADocumentThatGuidesTheTarget()
    {
        var id = await SubmittedAmendment(kind: "new_guidance");

        var amendment = await Issue(id, IssueBody(NewCircularSymbol()));

        var issued = await Coordinator.Http.GetAsync($"/api/v1/regulations/{amendment["issuedDocument"]!.Str("regulationId")}").ExpectJson(200);
        Assert.Multiple(async () =>
        {
            Assert.That(issued.Str("guidesId"), Is.EqualTo(CircularId));
            Assert.That(await RegulationStatus(CircularId), Is.EqualTo("in_force"));
        });
    }

    [Test]
    public async Task Issue_EffectiveLater_StaysIssuedUntilTheDateThenEntersIntoForce()
    {
        var obstacle = await AcceptedObstacle(ReporterA);
        var id = await SubmittedAmendment(obstacle);
        var amendment = await Issue(id, IssueBody(NewCircularSymbol(), effectiveOn: "2026-04-15"));
        var issuedId = amendment["issuedDocument"]!.Str("regulationId");

        SetLocalTime("2026-04-14T23:59:00");
        var dayBefore = await RunInForceSweep();
        var statusDayBefore = (await GetAmendment(id)).Str("status");
        SetLocalTime("2026-04-15T00:01:00");
        var onTheDay = await RunInForceSweep();
        var again = await RunInForceSweep();

        var history = await Coordinator.Http.GetAsync($"/api/v1/amendments/{id}/history").ExpectJson(200);
        var entered = history["items"]!.AsArray()[^1]!;
        Assert.Multiple(async () =>
        {
            Assert.That(amendment.Str("status"), Is.EqualTo("issued"));
            Assert.That(await RegulationStatus(issuedId), Is.EqualTo("in_force"));
            Assert.That((dayBefore, statusDayBefore), Is.EqualTo((0, "issued")));
            Assert.That((onTheDay, again), Is.EqualTo((1, 0)), "a second round finds nothing to do");
            Assert.That((await GetAmendment(id)).Str("status"), Is.EqualTo("in_force"));
            Assert.That(await ObstacleStatus(obstacle), Is.EqualTo("resolved"));
            Assert.That(await RegulationStatus(CircularId), Is.EqualTo("amended"));
            Assert.That(entered.Str("action"), Is.EqualTo("entered_into_force"));
            Assert.That(entered["keyId"], Is.Null, "the register acted on the date, not a key");
        });
    }

    [Test]
    public async Task Issue_EffectiveLater_NewDocumentIsNotYetInForce()
    {
        var id = await SubmittedAmendment();

        var amendment = await Issue(id, IssueBody(NewCircularSymbol(), effectiveOn: "2026-04-15"));

        Assert.Multiple(async () =>
        {
            Assert.That(await RegulationStatus(amendment["issuedDocument"]!.Str("regulationId")), Is.EqualTo("not_yet_in_force"));
            Assert.That(await RegulationStatus(CircularId), Is.EqualTo("in_force"));
        });
    }

    [Test]
    public async Task Cascade_WhenAHandlerFails_LeavesNothingOfTheIssuanceBehind()
    {
        var obstacle = await AcceptedObstacle(ReporterA);
        var id = await SubmittedAmendment(obstacle);
        var symbol = NewCircularSymbol();
        Factory.Faults.FailAfter = typeof(ObstacleRegister.Regulations.Contracts.ApplyIssuedDocumentInForce);

        await Send(Drafter.Http, $"/api/v1/amendments/{id}/issue", IssueBody(symbol), status: 500);

        var bySymbol = await Coordinator.Http.GetAsync($"/api/v1/regulations?symbol={symbol}").ExpectJson(200);
        Assert.Multiple(async () =>
        {
            Assert.That((await GetAmendment(id)).Str("status"), Is.EqualTo("submitted"));
            Assert.That(await ObstacleStatus(obstacle), Is.EqualTo("in_amendment"));
            Assert.That(await RegulationStatus(CircularId), Is.EqualTo("in_force"));
            Assert.That(bySymbol["items"]!.AsArray(), Is.Empty, "the issued document was not registered either");
        });
    }

    [Test]
    public async Task Cascade_WhenAHandlerFailsOnTheDate_IsRetriedByTheNextRound()
    {
        var obstacle = await AcceptedObstacle(ReporterA);
        var id = await SubmittedAmendment(obstacle);
        await Issue(id, IssueBody(NewCircularSymbol(), effectiveOn: "2026-04-15"));
        SetLocalTime("2026-04-15T08:00:00");
        Factory.Faults.FailAfter = typeof(ObstacleRegister.Regulations.Contracts.ApplyIssuedDocumentInForce);

        var failedRound = await RunInForceSweep();
        var statusAfterFailure = (await GetAmendment(id)).Str("status");
        var obstacleAfterFailure = await ObstacleStatus(obstacle);
        var regulationAfterFailure = await RegulationStatus(CircularId);
        var nextRound = await RunInForceSweep();

        Assert.Multiple(async () =>
        {
            Assert.That(failedRound, Is.Zero);
            Assert.That((statusAfterFailure, obstacleAfterFailure, regulationAfterFailure), Is.EqualTo(("issued", "in_amendment", "in_force")));
            Assert.That(nextRound, Is.EqualTo(1));
            Assert.That(await ObstacleStatus(obstacle), Is.EqualTo("resolved"));
            Assert.That(await RegulationStatus(CircularId), Is.EqualTo("amended"));
        });
    }

    [Test]
    public async Task Issue_OneAmendingDocumentForTwoTargets_LinksTheRegisteredDocumentAndChangesBoth()
    {
        var second = await RegisterRegulation($"{Unique()}/2024/TT-BTTTT", "circular", "Thông tư quy định hồ sơ cấp phép");
        var first = await SubmittedAmendment();
        var body = OpenBody();
        body["regulationId"] = second;
        var other = (await Open(body)).Str("id");
        await AdvanceTo(other, "submitted");
        var issued = await Issue(first, IssueBody(NewCircularSymbol(), effectiveOn: "2026-04-01"));
        var documentId = issued["issuedDocument"]!.Str("regulationId");

        var linked = await Issue(other, new JsonObject { ["regulationId"] = documentId });
        SetLocalTime("2026-04-01T08:00:00");
        await RunInForceSweep();

        var document = await Coordinator.Http.GetAsync($"/api/v1/regulations/{documentId}").ExpectJson(200);
        Assert.Multiple(async () =>
        {
            Assert.That(linked["issuedDocument"]!.Str("regulationId"), Is.EqualTo(documentId));
            Assert.That(linked["issuedDocument"]!.Str("effectiveOn"), Is.EqualTo("2026-04-01"), "the document's dates by default");
            Assert.That(document["changes"]!.AsArray().Select(c => c!["regulation"]!.Str("id")), Is.EquivalentTo(new[] { CircularId, second }));
            Assert.That(await RegulationStatus(CircularId), Is.EqualTo("amended"));
            Assert.That(await RegulationStatus(second), Is.EqualTo("amended"));
            Assert.That((await GetAmendment(other)).Str("status"), Is.EqualTo("in_force"));
        });
    }

    [Test]
    public async Task Issue_WithBothASymbolAndARegulationIdOrAnUnknownId_Returns400()
    {
        var id = await SubmittedAmendment();
        var both = IssueBody(NewCircularSymbol());
        both["regulationId"] = CircularId;

        var twice = await Issue(id, both, status: 400);
        var unknown = await Issue(id, new JsonObject { ["regulationId"] = Guid.NewGuid().ToString() }, status: 400);
        var itself = await Issue(id, new JsonObject { ["regulationId"] = CircularId }, status: 400);

        Assert.Multiple(async () =>
        {
            Assert.That(twice["errors"]!.AsObject().ContainsKey("documentSymbol"), Is.True);
            Assert.That(unknown["errors"]!.AsObject().ContainsKey("regulationId"), Is.True);
            Assert.That(itself["errors"]!.AsObject().ContainsKey("regulationId"), Is.True);
            Assert.That((await GetAmendment(id)).Str("status"), Is.EqualTo("submitted"));
        });
    }

    [Test]
    public async Task Issue_WithASymbolAlreadyRegistered_Returns409AndChangesNothing()
    {
        var id = await SubmittedAmendment();
        var taken = NewCircularSymbol();
        await RegisterRegulation(taken, "circular", "Thông tư khác");

        var problem = await Issue(id, IssueBody(taken.Replace("Đ", "D", StringComparison.Ordinal)), status: 409);

        Assert.Multiple(async () =>
        {
            Assert.That(problem.Str("type"), Does.EndWith("duplicate-symbol"));
            Assert.That((await GetAmendment(id)).Str("status"), Is.EqualTo("submitted"));
        });
    }

    [Test]
    public async Task Issue_WithAMalformedSymbolOrAFutureIssueDate_Returns400NamingTheField()
    {
        var id = await SubmittedAmendment();

        var symbol = await Issue(id, IssueBody("thông tư mới"), status: 400);
        var future = await Issue(id, IssueBody(NewCircularSymbol(), issuedOn: "2026-03-03", effectiveOn: "2026-03-03"), status: 400);
        var effectiveFirst = await Issue(id, IssueBody(NewCircularSymbol(), issuedOn: "2026-03-01", effectiveOn: "2026-02-28"), status: 400);

        Assert.Multiple(() =>
        {
            Assert.That(symbol["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "documentSymbol" }));
            Assert.That(future["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "issuedOn" }));
            Assert.That(effectiveFirst["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "effectiveOn" }));
        });
    }

    [Test]
    public async Task Issue_BeforeSubmission_Returns409()
    {
        var id = (await Open()).Str("id");
        await CheckIn(id, "drafting");

        var problem = await Issue(id, IssueBody(NewCircularSymbol()), status: 409);

        Assert.That(problem.Str("currentStatus"), Is.EqualTo("drafting"));
    }

    [Test]
    public async Task Issue_Twice_Returns409()
    {
        var id = await SubmittedAmendment();
        await Issue(id, IssueBody(NewCircularSymbol()));

        var problem = await Issue(id, IssueBody(NewCircularSymbol()), status: 409);

        Assert.That(problem.Str("currentStatus"), Is.EqualTo("in_force"));
    }

    [Test]
    public async Task Issue_ByCoordinator_IsAllowed_ByAnotherUnitsDrafter_Returns403()
    {
        var id = await SubmittedAmendment();

        await Issue(id, IssueBody(NewCircularSymbol()), status: 403, client: OtherDrafter.Http);
        var amendment = await Issue(id, IssueBody(NewCircularSymbol()), client: Coordinator.Http);

        Assert.That(amendment.Str("status"), Is.EqualTo("in_force"));
    }

    [Test]
    public async Task Cancel_AfterIssuance_Returns409()
    {
        var id = await SubmittedAmendment();
        await Issue(id, IssueBody(NewCircularSymbol(), effectiveOn: "2026-05-01"));

        var (problem, _) = await Send(Coordinator.Http, $"/api/v1/amendments/{id}/cancel", new JsonObject { ["reason"] = "Quá muộn." }, status: 409);

        Assert.That(problem.Str("currentStatus"), Is.EqualTo("issued"));
    }
}
