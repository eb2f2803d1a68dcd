using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>The background service that starts with the host, on a short interval, moves an amendment into force on its date.</summary>
public sealed class InForceServiceTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    protected override IReadOnlyDictionary<string, string>? HostSettings =>
        new Dictionary<string, string> { ["Amendments:InForceCheckInterval"] = "00:00:00.100" };

    [Test]
    public async Task HostedService_OnTheEffectiveDate_PutsTheAmendmentInForceWithoutARequest()
    {
        var obstacle = await AcceptedObstacle(ReporterA);
        var id = (await Open(OpenBody(obstacle))).Str("id");
        await AdvanceTo(id, "submitted");
        await Issue(id, IssueBody(NewCircularSymbol(), effectiveOn: "2026-04-01"));
        var enteredBeforeTheDate = await RunInForceSweep();
        var beforeTheDate = (await GetAmendment(id)).Str("status");

        SetLocalTime("2026-04-01T00:00:05");
        var status = await WaitForStatus(id, "in_force", TimeSpan.FromSeconds(30));

        Assert.Multiple(async () =>
        {
            Assert.That((enteredBeforeTheDate, beforeTheDate), Is.EqualTo((0, "issued")), "a round before the date leaves it issued");
            Assert.That(status, Is.EqualTo("in_force"));
            Assert.That(await ObstacleStatus(obstacle), Is.EqualTo("resolved"));
        });
    }

    private async Task<string> WaitForStatus(string id, string wanted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = (await GetAmendment(id)).Str("status");
            if (status == wanted || DateTime.UtcNow >= deadline)
            {
                return status;
            }

            await Task.Delay(50);
        }
    }
}
