using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Amendments;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Regulations;

/// <summary>An amended law sets off a review of the decrees and circulars that guide it, down the guides graph.</summary>
public sealed class ReviewTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    [Test]
    public async Task LawAmended_FlagsTheDecreeAndTheCircularUnderIt_AndTheOutcomeClosesTheReview()
    {
        var (law, decree, circular) = await Chain();
        var unrelated = await RegisterRegulation($"{Unique()}/2024/TT-BTTTT", "circular", "Thông tư khác");
        await BringIntoForce(law, "amend");

        var flagged = await ReviewNeeded();
        var decreeDetail = await Coordinator.Http.GetAsync($"/api/v1/regulations/{decree}").ExpectJson(200);
        var types = (await Coordinator.Http.GetAsync("/api/v1/changes?limit=200").ExpectJson(200))["items"]!.AsArray()
            .Where(c => c!.Str("type") == "regulation.review_needed").Select(c => c!.Str("resourceId")).ToList();
        var (reviewed, _) = await Send(Drafter.Http, $"/api/v1/regulations/{decree}/reviewed",
            new JsonObject { ["outcome"] = "no_change_needed", ["note"] = "Nghị định vẫn phù hợp." });
        var again = await Send(Drafter.Http, $"/api/v1/regulations/{decree}/reviewed", new JsonObject { ["outcome"] = "no_change_needed" }, status: 409);

        Assert.Multiple(async () =>
        {
            Assert.That(flagged, Is.EquivalentTo(new[] { decree, circular }), "not the law itself, not an unrelated circular");
            Assert.That(flagged, Does.Not.Contain(unrelated));
            Assert.That(types, Is.EquivalentTo(new[] { decree, circular }));
            var review = decreeDetail["review"]!;
            Assert.That(review["changed"]!.Str("id"), Is.EqualTo(law));
            Assert.That(review.Str("relation"), Is.EqualTo("amends"));
            Assert.That(review["lapses"]!.GetValue<bool>(), Is.False);
            Assert.That(review["issuedDocument"]!.Str("symbol"), Does.Contain("/2026/QH15"));
            Assert.That(reviewed["review"], Is.Null);
            Assert.That(reviewed["reviews"]![0]!.Str("outcome"), Is.EqualTo("no_change_needed"));
            Assert.That(reviewed["reviews"]![0]!.Str("note"), Is.EqualTo("Nghị định vẫn phù hợp."));
            Assert.That(await ReviewNeeded(), Is.EqualTo(new[] { circular }));
            Assert.That(again.Body.Str("type"), Does.EndWith("conflict"));
        });
    }

    [Test]
    public async Task LawReplaced_GuidingDocumentsLapse_AndExpiredIsTheirNewStatus()
    {
        var (law, decree, _) = await Chain();
        await BringIntoForce(law, "replace");

        var detail = await Coordinator.Http.GetAsync($"/api/v1/regulations/{decree}").ExpectJson(200);
        var (expired, _) = await Send(Coordinator.Http, $"/api/v1/regulations/{decree}/reviewed", new JsonObject { ["outcome"] = "expired" });

        Assert.Multiple(() =>
        {
            Assert.That(detail["review"]!["lapses"]!.GetValue<bool>(), Is.True);
            Assert.That(expired.Str("status"), Is.EqualTo("expired"));
        });
    }

    [Test]
    public async Task Outcome_ThatDoesNotFitTheReview_Is400NamingTheField()
    {
        var (law, decree, _) = await Chain();
        await BringIntoForce(law, "amend");

        var lapseOutcome = await Send(Coordinator.Http, $"/api/v1/regulations/{decree}/reviewed", new JsonObject { ["outcome"] = "continues" }, status: 400);
        var noAmendment = await Send(Coordinator.Http, $"/api/v1/regulations/{decree}/reviewed", new JsonObject { ["outcome"] = "amendment_opened" }, status: 400);
        var foreignAmendment = await Send(Coordinator.Http, $"/api/v1/regulations/{decree}/reviewed",
            new JsonObject { ["outcome"] = "amendment_opened", ["amendmentId"] = Guid.NewGuid().ToString() }, status: 400);
        var reporter = await Send(ReporterA.Http, $"/api/v1/regulations/{decree}/reviewed", new JsonObject { ["outcome"] = "no_change_needed" }, status: 403);

        Assert.Multiple(() =>
        {
            Assert.That(lapseOutcome.Body["errors"]!.AsObject().Select(e => e.Key), Does.Contain("outcome"));
            Assert.That(noAmendment.Body["errors"]!.AsObject().Select(e => e.Key), Does.Contain("amendmentId"));
            Assert.That(foreignAmendment.Body["errors"]!.AsObject().Select(e => e.Key), Does.Contain("amendmentId"));
            Assert.That(reporter.Body.Str("type"), Does.EndWith("forbidden"));
        });
    }

    private async Task<List<string>> ReviewNeeded() =>
        [.. (await Coordinator.Http.GetAsync("/api/v1/regulations?reviewNeeded=true&limit=200").ExpectJson(200))["items"]!.AsArray().Select(r => r!.Str("id"))];
}
