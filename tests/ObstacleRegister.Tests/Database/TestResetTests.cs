using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Webhooks;

namespace ObstacleRegister.Tests.Database;

/// <summary>
/// Each test's database is exactly the migrated one, rows included: on SQL Server the reset once deleted the fan-out
/// cursor that a migration seeds, so webhooks could never move there.
/// </summary>
public sealed class TestResetTests(DatabaseProvider provider) : WebhookTest(provider)
{
    [Test]
    public async Task Reset_AfterWritesEverywhere_RestoresEveryTableOfTheMigratedDatabase()
    {
        var migrated = Factory.Database.MigratedDump;
        await RegisterEndpoint(Url(), ["*"], null);
        await Submit(ReporterA);
        await DispatchRound();
        var written = Factory.Database.Dump();

        Factory.Database.StartTest();
        var reset = Factory.Database.Dump();

        Assert.Multiple(() =>
        {
            Assert.That(written["webhook_cursor"], Is.Not.EqualTo(migrated["webhook_cursor"]), "the round moved the cursor");
            Assert.That(reset.Keys, Is.EquivalentTo(migrated.Keys));
            foreach (var (table, rows) in migrated)
            {
                Assert.That(reset[table], Is.EqualTo(rows), table);
            }

            Assert.That(reset["webhook_cursor"], Has.Count.EqualTo(1), "the seeded cursor is there");
        });
    }
}
