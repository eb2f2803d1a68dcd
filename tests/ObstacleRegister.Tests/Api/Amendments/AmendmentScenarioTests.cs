using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>
/// The register's purpose end to end, through HTTP only: two units report obstacles on one circular, the
/// coordinator accepts them and opens one amendment, the drafter checks in weekly, the deadline moves once with a
/// reason, the amended circular is issued and takes effect on its date.
/// </summary>
public sealed class AmendmentScenarioTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    [Test]
    public async Task TwoObstaclesOnOneCircular_AreFollowedUntilTheAmendmentIsInForce()
    {
        // Monday 2 March: two units report, the coordinator accepts both and opens one amendment due 30 April.
        var fromA = (await Submit(ReporterA, Obstacle("Thời hạn cấp phép không khả thi", "Điều 5, khoản 2", CircularId))).Str("id");
        var fromB = (await Submit(ReporterB, Obstacle("Hồ sơ cấp phép trùng lặp", "Điều 7", CircularId))).Str("id");
        await Transition(Coordinator.Http, fromA, "accept");
        await Transition(Coordinator.Http, fromB, "accept");
        var id = (await Open(OpenBody(fromA, fromB))).Str("id");

        // The drafter checks in every week, moving through the standard procedure.
        var weekly = new[] { "drafting", "drafting", "consultation", "appraisal" };
        foreach (var stage in weekly)
        {
            Clock.Now = Clock.Now.AddDays(7);
            await CheckIn(id, stage);
        }

        // 30 March: consultation took longer; the coordinator moves the deadline once, with a reason.
        await Send(Coordinator.Http, $"/api/v1/amendments/{id}/deadline",
            new JsonObject { ["dueOn"] = "2026-05-31", ["reason"] = "Kéo dài lấy ý kiến doanh nghiệp theo đề nghị của VCCI." });
        Clock.Now = Clock.Now.AddDays(7);
        await CheckIn(id, "submitted");

        // 13 April: signed, effective 1 May; on 1 May the register brings it into force by itself.
        SetLocalTime("2026-04-13T15:00:00");
        var symbol = NewCircularSymbol();
        var issued = await Issue(id, IssueBody(symbol, issuedOn: "2026-04-13", effectiveOn: "2026-05-01"));
        SetLocalTime("2026-05-01T00:00:30");
        Assert.That(await RunInForceSweep(), Is.EqualTo(1));

        var amendment = await GetAmendment(id);
        var newCircular = await Coordinator.Http.GetAsync($"/api/v1/regulations/{issued["issuedDocument"]!.Str("regulationId")}").ExpectJson(200);
        var amendmentHistory = await Coordinator.Http.GetAsync($"/api/v1/amendments/{id}/history?limit=200").ExpectJson(200);
        var historyA = await ReporterA.Http.GetAsync($"/api/v1/obstacles/{fromA}/history").ExpectJson(200);
        var historyB = await ReporterB.Http.GetAsync($"/api/v1/obstacles/{fromB}/history").ExpectJson(200);
        Assert.Multiple(async () =>
        {
            Assert.That(await ObstacleStatus(fromA), Is.EqualTo("resolved"));
            Assert.That(await ObstacleStatus(fromB), Is.EqualTo("resolved"));
            Assert.That(await RegulationStatus(CircularId), Is.EqualTo("amended"));
            Assert.That(newCircular.Str("symbol"), Is.EqualTo(symbol));
            Assert.That(newCircular.Str("status"), Is.EqualTo("in_force"));
            Assert.That(newCircular["changes"]![0]!.Str("relation"), Is.EqualTo("amends"));

            Assert.That(amendment.Str("status"), Is.EqualTo("in_force"));
            Assert.That(amendment["deadlines"]!.AsArray().Select(d => d!.Str("dueOn")), Is.EqualTo(new[] { "2026-04-30", "2026-05-31" }));
            Assert.That(amendment["totalDaysLate"]!.GetValue<int>(), Is.Zero, "issued 13 April, before the first due date");
            Assert.That(amendment["stages"]!.AsArray().Select(s => s!["reachedOn"]?.GetValue<string>()), Is.EqualTo(new[]
            {
                "2026-03-02", "2026-03-09", "2026-03-23", "2026-03-30", "2026-04-06", "2026-04-13", "2026-05-01",
            }));
            Assert.That(Actions(amendmentHistory), Is.EqualTo(new[]
            {
                "opened", "obstacles_linked", "progress_reported", "progress_reported", "progress_reported", "progress_reported",
                "deadline_moved", "progress_reported", "issued", "entered_into_force",
            }));
            Assert.That(Actions(historyA), Is.EqualTo(new[] { "submitted", "accepted", "linked_to_amendment", "resolved" }));
            Assert.That(Actions(historyB), Is.EqualTo(new[] { "submitted", "accepted", "linked_to_amendment", "resolved" }));
            Assert.That(historyA["items"]![3]!.Str("reason"), Does.Contain(symbol));
        });
    }
}
