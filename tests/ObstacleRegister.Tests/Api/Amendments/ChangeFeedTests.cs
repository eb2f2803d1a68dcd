using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>The change feed: every committed change across modules, in commit order, resumable from a cursor.</summary>
public sealed class ChangeFeedTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    [Test]
    public async Task Changes_ListEachChangeOnceInTheOrderItWasCommitted()
    {
        var start = await FeedEnd();
        var obstacle = (await Submit(ReporterA, Obstacle(regulationId: CircularId))).Str("id");
        await Transition(Coordinator.Http, obstacle, "accept");

        var page = await Feed(start);

        var items = page["items"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i!.Str("type")), Is.EqualTo(new[] { "obstacle.submitted", "obstacle.accepted" }));
            Assert.That(items.Select(i => i!.Str("resourceId")), Has.All.EqualTo(obstacle));
            Assert.That(items.Select(i => i!.Str("unitId")), Has.All.EqualTo(ReporterA.UnitId.ToString()));
            Assert.That(items.Select(i => i!.Str("id")).Distinct().Count(), Is.EqualTo(2));
            Assert.That(page["hasMore"]!.GetValue<bool>(), Is.False);
        });
    }

    [Test]
    public async Task Changes_PagedOneByOne_ResumeWhereTheyStoppedAndWaitAtTheEnd()
    {
        var start = await FeedEnd();
        await Submit(ReporterA, Obstacle(regulationId: CircularId));
        await Submit(ReporterB, Obstacle(regulationId: CircularId));

        var first = await Feed(start, limit: 1);
        var second = await Feed(first.Str("nextCursor"), limit: 1);
        var caughtUp = await Feed(second.Str("nextCursor"), limit: 1);
        var third = (await Submit(ReporterA, Obstacle(regulationId: CircularId))).Str("id");
        var afterWaiting = await Feed(caughtUp.Str("nextCursor"), limit: 1);

        Assert.Multiple(() =>
        {
            Assert.That(first["hasMore"]!.GetValue<bool>(), Is.True);
            Assert.That(second["items"]![0]!.Str("unitId"), Is.EqualTo(ReporterB.UnitId.ToString()));
            Assert.That(caughtUp["items"]!.AsArray(), Is.Empty);
            Assert.That(caughtUp.Str("nextCursor"), Is.EqualTo(second.Str("nextCursor")), "nothing new: resume from the same place");
            Assert.That(afterWaiting["items"]![0]!.Str("resourceId"), Is.EqualTo(third));
        });
    }

    [Test]
    public async Task Changes_OfARequestThatFailed_AreNeverListed()
    {
        var start = await FeedEnd();
        Factory.Faults.FailAfter = typeof(ObstacleRegister.Obstacles.Submit.SubmitObstacle);

        await ReporterA.Http.PostJson("/api/v1/obstacles", Obstacle(regulationId: CircularId)).ExpectProblem(500);

        Assert.That((await Feed(start))["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Changes_OfTheCascade_AreListedTogetherWithTheEntryIntoForce()
    {
        var obstacle = await AcceptedObstacle(ReporterA);
        var id = (await Open(OpenBody(obstacle))).Str("id");
        await AdvanceTo(id, "submitted");
        var start = await FeedEnd();

        await Issue(id, IssueBody(NewCircularSymbol()));

        var types = (await Feed(start))["items"]!.AsArray().Select(i => i!.Str("type")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(types.Take(3), Is.EqualTo(new[] { "regulation.registered", "amendment.issued", "amendment.entered_into_force" }));
            // The handlers of the notification run in module order; both follow the entry into force, in its transaction.
            Assert.That(types.Skip(3), Is.EquivalentTo(new[] { "regulation.status_changed", "obstacle.resolved" }),
                "the issued circular was registered in force (effective today), so only the target's status changed");
        });
    }

    [Test]
    public async Task Changes_WithAForeignCursor_Returns400NamingAfter()
    {
        var problem = await Coordinator.Http.GetAsync("/api/v1/changes?after=not-a-cursor").ExpectProblem(400);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "after" }));
    }

    private async Task<JsonNode> Feed(string? after, int limit = 200) =>
        await ReporterB.Http.GetAsync($"/api/v1/changes?limit={limit}" + (after is null ? "" : $"&after={after}")).ExpectJson(200);

    /// <summary>The cursor after everything committed so far.</summary>
    private async Task<string?> FeedEnd()
    {
        string? cursor = null;
        while (true)
        {
            var page = await Feed(cursor);
            cursor = page["nextCursor"]?.GetValue<string>();
            if (!page["hasMore"]!.GetValue<bool>())
            {
                return cursor;
            }
        }
    }
}
