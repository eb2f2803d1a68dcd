using Dapper;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Operations;

/// <summary>
/// The storage under the database fails: a database that cannot be written, a disk with no room left. Writes are
/// refused with a 503 problem and Retry-After that names the fault, nothing acknowledged is lost and nothing half
/// written, readiness names the fault, and once the storage is mended the next write succeeds without a restart.
/// </summary>
[NonParallelizable]
public sealed class StorageFaultTests(DatabaseProvider provider) : ApiTest(provider)
{
    private SmallFilesystem? smallDisk;

    [OneTimeSetUp]
    public void MountASmallDisk()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            smallDisk = SmallFilesystem.TryMount(Path.Combine(Factory.Database.Folder, "small-disk"), megabytes: 16);
        }
    }

    [OneTimeTearDown]
    public void UnmountTheSmallDisk() => smallDisk?.Dispose();

    [Test]
    public async Task Writes_WhileTheDatabaseIsReadOnly_Are503StorageUnavailable_AndSucceedOnceItIsWritableAgain()
    {
        // Before anything opened it, as when the service starts on a file it cannot write: a file opened for writing
        // before its permissions changed stays writable through that handle.
        var readOnly = Factory.Database.MakeReadOnly();
        if (readOnly is null)
        {
            Assert.Ignore("Not run: this machine gives no way to make a file read-only for this user (neither permissions nor chattr).");
        }

        var before = await UnitCount();

        HttpResponseMessage refused, refusedInVietnamese;
        JsonNode readiness, readable;
        using (readOnly)
        {
            refused = await Admin.PostJson("/api/v1/units", Unit());
            refusedInVietnamese = await InVietnamese(Admin).PostJson("/api/v1/units", Unit());
            readable = await Admin.GetAsync("/api/v1/units?limit=200").ExpectJson(200);
            readiness = await Anonymous().GetAsync("/health/ready").ExpectJson(503);
        }

        var problem = await refused.ExpectJson(503);
        var vietnamese = await refusedInVietnamese.ExpectJson(503);
        var created = await Admin.PostJson("/api/v1/units", Unit()).ExpectJson(201);
        await RunTheTimersRounds();
        var readyAgain = await Anonymous().GetAsync("/health/ready").ExpectJson(200);

        Assert.Multiple(async () =>
        {
            AssertStorageProblem(refused, problem, "read-only");
            Assert.That(vietnamese.Str("title"), Is.EqualTo("Kho lưu trữ không sẵn sàng"));
            Assert.That(vietnamese.Str("detail"), Does.Contain("chỉ đọc"));
            Assert.That(readable["items"]!.AsArray(), Has.Count.EqualTo(before), "reads go on while writes cannot");
            Assert.That(DatabaseCheck(readiness).Str("fault"), Is.EqualTo("read-only"));
            Assert.That(DatabaseCheck(readiness).Str("description"), Does.StartWith("read-only"));
            Assert.That(created.Str("id"), Is.Not.Empty, "the first write after the fault succeeds, with no restart");
            Assert.That(await UnitCount(), Is.EqualTo(before + 1), "the refused writes left nothing");
            Assert.That(readyAgain.Str("status"), Is.EqualTo("healthy"));
        });
    }

    [Test]
    public async Task Writes_OnAFullDisk_Are503StorageUnavailable_LoseNothingAcknowledged_AndSucceedOnceSpaceIsFreed()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            Assert.Ignore("Not run on SQL Server: its full filegroup and log (1105, 9002) are mapped by number in StorageFaultClassificationTests.");
        }

        if (smallDisk is null)
        {
            Assert.Ignore("Not run: this machine does not let the tests mount a small filesystem (tmpfs) to fill.");
        }

        Factory.Database.MoveTestFileTo(smallDisk.Folder);
        var reporter = await CreateKey("reporter");
        var regulation = await CreateDecree();
        var acknowledged = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            acknowledged.Add((await reporter.Http.PostJson("/api/v1/obstacles", Obstacle(regulation, i)).ExpectJson(201)).Str("id"));
        }

        await FoldTheLogIntoTheDatabase();
        var dumpBefore = WhatRequestsWrote();
        HttpResponseMessage[] refused;
        JsonNode readiness;
        try
        {
            smallDisk.Fill();
            refused = await Task.WhenAll(Enumerable.Range(10, 4).Select(i => reporter.Http.PostJson("/api/v1/obstacles", Obstacle(regulation, i))));
            // Truncating the log after the refused writes gives their room back to the disk, whenever the checkpointer's
            // timer does it: do it now and take that room too, so the readiness probe meets a full disk.
            await TruncateTheLog();
            smallDisk.Fill();
            readiness = await Anonymous().GetAsync("/health/ready").ExpectJson(503);
        }
        finally
        {
            smallDisk.Free();
        }

        var dumpAfterRefusals = WhatRequestsWrote();
        await RunTheTimersRounds();
        var readyAgain = await Anonymous().GetAsync("/health/ready").ExpectJson(200);
        var afterwards = await reporter.Http.PostJson("/api/v1/obstacles", Obstacle(regulation, 20)).ExpectJson(201);

        Assert.Multiple(async () =>
        {
            foreach (var response in refused)
            {
                AssertStorageProblem(response, await response.ExpectJson(503), "full");
            }

            Assert.That(DatabaseCheck(readiness).Str("fault"), Is.EqualTo("full"));
            Assert.That(dumpAfterRefusals, Is.EqualTo(dumpBefore), "nothing of the refused writes was written");
            foreach (var id in acknowledged)
            {
                await reporter.Http.GetAsync($"/api/v1/obstacles/{id}").ExpectJson(200);
            }

            Assert.That(readyAgain.Str("status"), Is.EqualTo("healthy"), "readiness proves the room is back");
            Assert.That(afterwards.Str("id"), Is.Not.Empty, "writes succeed once space is freed, with no restart");
        });
    }

    [Test]
    public async Task Checkpoint_WhenNoWriterCame_TruncatesTheLog_AndReadinessTellsItsSize()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            Assert.Ignore("Not run on SQL Server: the write-ahead log is SQLite's.");
        }

        for (var i = 0; i < 5; i++)
        {
            await Admin.PostJson("/api/v1/units", Unit()).ExpectJson(201);
        }

        var grown = SqliteFiles.WalBytes(Factory.Database.Value.ConnectionString);
        await FoldTheLogIntoTheDatabase();
        var readiness = await Anonymous().GetAsync("/health/ready").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(grown, Is.GreaterThan(0), "the writes went to the log");
            Assert.That(SqliteFiles.WalBytes(Factory.Database.Value.ConnectionString), Is.Zero);
            Assert.That(DatabaseCheck(readiness).Str("description"), Does.EndWith("write-ahead log 0.0 MB."));
        });
    }

    /// <summary>Two checkpoint rounds: the first sees the log, the second sees it has not grown and truncates it.</summary>
    /// <summary>
    /// Folds the log into the database and truncates it. A log with room left lets SQLite write on a full disk (it reuses
    /// the log's own pages), so a test of refused writes must start from an empty log, and says so if it cannot.
    /// </summary>
    private async Task FoldTheLogIntoTheDatabase()
    {
        var connectionString = Factory.Database.Value.ConnectionString;
        var checkpointer = Factory.Services.GetServices<IHostedService>().OfType<SqliteCheckpointer>().Single();
        for (var round = 0; round < 3 && SqliteFiles.WalBytes(connectionString) > 0; round++)
        {
            Assert.That(await checkpointer.RunSupervisedRound(CancellationToken.None), Is.EqualTo(BuildingBlocks.Background.LoopRoundOutcome.Ok));
        }

        // The rounds truncate only once the log stopped growing; on a busy machine that may take longer than three.
        await TruncateTheLog();
        Assert.That(SqliteFiles.WalBytes(connectionString), Is.Zero, "the log is empty before the disk fills");
    }

    private async Task TruncateTheLog()
    {
        var connectionString = Factory.Database.Value.ConnectionString;
        for (var attempt = 0; attempt < 20 && SqliteFiles.WalBytes(connectionString) > 0; attempt++)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
            await connection.OpenAsync();
            await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    /// <summary>
    /// Every table but the full-text index's own segments, which the index's maintenance merges on its timer whatever the
    /// requests do: the same words indexed, in other pages.
    /// </summary>
    private Dictionary<string, List<string>> WhatRequestsWrote() =>
        Factory.Database.Dump().Where(t => !t.Key.StartsWith("obstacle_search_", StringComparison.Ordinal)).ToDictionary(t => t.Key, t => t.Value);

    /// <summary>
    /// The search index's maintenance and the checkpointer work on their own timers (ten times and once a second), so while
    /// the storage refused writes their rounds failed, and readiness names them until one succeeds. The test runs those
    /// rounds rather than wait for the timers.
    /// </summary>
    private async Task RunTheTimersRounds()
    {
        var services = Factory.Services.GetServices<IHostedService>().ToList();
        foreach (var loop in new BuildingBlocks.Background.SupervisedLoop[]
            { services.OfType<global::ObstacleRegister.Obstacles.Submit.ObstacleSearchMaintenance>().Single(), services.OfType<SqliteCheckpointer>().Single() })
        {
            Assert.That(await loop.RunSupervisedRound(CancellationToken.None), Is.EqualTo(BuildingBlocks.Background.LoopRoundOutcome.Ok), loop.GetType().Name);
        }
    }

    private static void AssertStorageProblem(HttpResponseMessage response, JsonNode problem, string fault)
    {
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.Str("type"), Is.EqualTo("urn:obstacle-register:problem:storage-unavailable"));
        Assert.That(problem.Str("fault"), Is.EqualTo(fault));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    private static JsonNode DatabaseCheck(JsonNode readiness) => readiness["checks"]!.AsArray().Single(c => c!.Str("name") == "database")!;

    private async Task<int> UnitCount() => (await Admin.GetAsync("/api/v1/units?limit=200").ExpectJson(200))["items"]!.AsArray().Count;

    private HttpClient InVietnamese(HttpClient keyed)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = keyed.DefaultRequestHeaders.Authorization;
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("vi"));
        return client;
    }

    private async Task<Guid> CreateDecree()
    {
        var coordinator = await CreateKey("coordinator");
        var decree = new JsonObject
        {
            ["symbol"] = $"{Unique()}/2023/NĐ-CP", ["type"] = "decree", ["title"] = "Nghị định về bảo vệ dữ liệu cá nhân",
            ["issuer"] = "Chính phủ", ["issuedOn"] = "2023-04-17", ["effectiveOn"] = "2023-07-01",
        };
        return Guid.Parse((await coordinator.Http.PostJson("/api/v1/regulations", decree).ExpectJson(201)).Str("id"));
    }

    private static JsonObject Unit() => new() { ["code"] = $"S{Unique()}", ["name"] = "Sở Tư pháp", ["kind"] = "province" };

    private static JsonObject Obstacle(Guid regulation, int i) => new()
    {
        ["title"] = $"Quy định chồng chéo về thời hạn cấp phép {i}",
        ["description"] = "Điều 5 và Thông tư hướng dẫn quy định khác nhau về thời hạn.",
        ["category"] = "conflict", ["severity"] = "high", ["proposal"] = "amend", ["contact"] = "Vụ Pháp chế",
        ["regulations"] = new JsonArray(new JsonObject { ["regulationId"] = regulation.ToString(), ["provision"] = "Điều 5" }),
    };
}
