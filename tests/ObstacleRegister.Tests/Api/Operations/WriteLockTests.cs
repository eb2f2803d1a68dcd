using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Operations;

/// <summary>
/// A database whose write lock is held elsewhere (a backup tool, another process, a stuck session): writes are refused
/// within the configured bound with 503 and Retry-After, nothing half written, and readiness says the database cannot
/// be written, until the lock is released.
/// </summary>
public sealed class WriteLockTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IReadOnlyDictionary<string, string>? HostSettings =>
        new Dictionary<string, string> { ["Database:LockTimeout"] = "00:00:01" };

    [Test]
    public async Task Write_WhileAnotherConnectionHoldsTheLock_Is503WithRetryAfter_AndSucceedsOnceReleased()
    {
        var unitsBefore = await Admin.GetAsync("/api/v1/units?limit=200").ExpectJson(200);
        HttpResponseMessage refused;
        JsonNode readiness;
        await using (await HoldWriteLock())
        {
            refused = await Admin.PostJson("/api/v1/units", Unit());
            readiness = await Anonymous().GetAsync("/health/ready").ExpectJson(503);
        }

        var problem = await refused.ExpectJson(503);
        var created = await Admin.PostJson("/api/v1/units", Unit()).ExpectJson(201);
        var unitsAfter = await Admin.GetAsync("/api/v1/units?limit=200").ExpectJson(200);
        var readyAgain = await Anonymous().GetAsync("/health/ready").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.Str("type"), Is.EqualTo("urn:obstacle-register:problem:database-busy"));
            Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)));
            var database = readiness["checks"]!.AsArray().Single(c => c!.Str("name") == "database")!;
            Assert.That(database.Str("description"), Does.Contain("cannot be written"));
            Assert.That(created.Str("id"), Is.Not.Empty);
            Assert.That(unitsAfter["items"]!.AsArray(), Has.Count.EqualTo(unitsBefore["items"]!.AsArray().Count + 1), "the refused write left nothing");
            Assert.That(readyAgain.Str("status"), Is.EqualTo("healthy"));
        });
    }

    private static JsonObject Unit() => new() { ["code"] = $"L{Unique()}", ["name"] = "Sở Tư pháp", ["kind"] = "province" };

    /// <summary>Another connection that takes the write lock and keeps it until disposed.</summary>
    private async Task<IAsyncDisposable> HoldWriteLock()
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(Factory.Database.Value.ConnectionString)
            : new SqlConnection(Factory.Database.Value.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        var hold = Provider == DatabaseProvider.Sqlite
            ? "UPDATE schema_version SET name = name"
            : "SELECT COUNT(*) FROM unit WITH (TABLOCKX, HOLDLOCK); SELECT COUNT(*) FROM schema_version WITH (TABLOCKX, HOLDLOCK)";
        await connection.ExecuteAsync(hold, transaction: transaction);
        return new Held(connection, transaction);
    }

    private sealed class Held(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await connection.DisposeAsync();
        }
    }
}
