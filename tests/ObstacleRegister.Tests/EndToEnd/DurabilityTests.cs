using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.EndToEnd;

/// <summary>
/// The real service as its own process: every obstacle acknowledged with 201 is still there after the
/// process is killed with SIGKILL and started again, whether the kill comes after the answers or while many
/// writers share commits. Run once, on SQLite, the default store.
/// </summary>
[NonParallelizable]
public sealed class DurabilityTests
{
    private const string AdminKey = "durability-admin-key-0123456789abcdefghijklmnop";

    [Test]
    public async Task AcknowledgedIntakes_SurviveKillMinus9() => await AcrossAKill(async (reporter, regulationId, service) =>
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => reporter.PostJson("/api/v1/obstacles", Intake(i, regulationId))));
        var acknowledged = new List<string>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            acknowledged.Add((await response.ExpectJson(201)).Str("id"));
        }

        await service.Kill();
        Assert.That(acknowledged, Has.Count.EqualTo(40), "every intake was acknowledged before the kill");
        return acknowledged;
    });

    /// <summary>
    /// Writers acknowledged together after one commit: the process dies while 32 of them stream intakes, so some
    /// groups are open, some flushing and some answered; every answered one must be on disk.
    /// </summary>
    [Test]
    public async Task IntakesAcknowledgedInGroups_SurviveKillMinus9WhileOthersAreWriting() => await AcrossAKill(async (reporter, regulationId, service) =>
    {
        var acknowledged = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 32).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    using var response = await reporter.PostJson("/api/v1/obstacles", Intake((w * 10_000) + i, regulationId));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Enqueue((await response.ExpectJson(201)).Str("id"));
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
                {
                    return; // the process is gone: this request was never answered
                }
            }
        }));
        var running = Task.WhenAll(writers);

        var deadline = Stopwatch.StartNew();
        while (acknowledged.Count < 200 && deadline.Elapsed < TimeSpan.FromMinutes(2) && !running.IsCompleted)
        {
            await Task.Delay(20);
        }

        await service.Kill();
        await stop.CancelAsync();
        await running;
        Assert.That(acknowledged, Has.Count.GreaterThanOrEqualTo(200), "the writers were answered before the kill");
        return [.. acknowledged];
    });

    /// <summary>Starts the service on a new file, lets <paramref name="write"/> write and kill it, then checks that every id it returns is stored.</summary>
    private static async Task AcrossAKill(Func<HttpClient, string, ServiceProcess, Task<List<string>>> write)
    {
        var folder = Directory.CreateTempSubdirectory("obstacle-register-durability-");
        var database = Path.Combine(folder.FullName, "register.db");
        try
        {
            List<string> acknowledged;
            using (var service = await Start(database))
            {
                using var admin = Client(service.Port, AdminKey);
                var (coordinator, reporter) = await Keys(admin);
                var regulation = await coordinator.PostJson("/api/v1/regulations", new JsonObject
                {
                    ["symbol"] = "13/2023/NĐ-CP", ["type"] = "decree", ["title"] = "Nghị định", ["issuer"] = "Chính phủ", ["issuedOn"] = "2023-04-17",
                }).ExpectJson(201);
                acknowledged = await write(reporter, regulation.Str("id"), service);
            }

            SqliteConnection.ClearAllPools();
            using var restarted = await Start(database);
            using var restartedAdmin = Client(restarted.Port, AdminKey);
            var (reader, _) = await Keys(restartedAdmin);
            var missing = new List<string>();
            foreach (var id in acknowledged)
            {
                using var response = await reader.GetAsync($"/api/v1/obstacles/{id}");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    missing.Add(id);
                }
            }

            Assert.That(missing, Is.Empty, $"of {acknowledged.Count} acknowledged intakes");
            await restarted.Kill();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static JsonObject Intake(int number, string regulationId) => new()
    {
        ["title"] = $"Vướng mắc số {number}", ["description"] = "Quy định chồng chéo.", ["category"] = "conflict", ["severity"] = "high",
        ["proposal"] = "amend", ["regulations"] = new JsonArray(new JsonObject { ["regulationId"] = regulationId, ["provision"] = "Điều 5" }),
    };

    private static async Task<(HttpClient Coordinator, HttpClient Reporter)> Keys(HttpClient admin)
    {
        var unit = await admin.PostJson("/api/v1/units", new JsonObject { ["code"] = $"U{Guid.NewGuid():N}"[..20], ["name"] = "Bộ", ["kind"] = "ministry" }).ExpectJson(201);
        async Task<HttpClient> Key(string role)
        {
            var key = await admin.PostJson("/api/v1/api-keys", new JsonObject
            {
                ["unitId"] = unit.Str("id"), ["roles"] = new JsonArray(role), ["name"] = role,
            }).ExpectJson(201);
            return Client(admin.BaseAddress!.Port, key.Str("secret"));
        }

        return (await Key("coordinator"), await Key("reporter"));
    }

    private static HttpClient Client(int port, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    private static Task<ServiceProcess> Start(string database, int? port = null) => ServiceProcess.Start(new Dictionary<string, string>
    {
        ["ConnectionStrings__Register"] = $"Data Source={database}",
        ["Access__BootstrapAdminKey"] = AdminKey,
        ["Logging__LogLevel__Default"] = "Warning",
    }, port: port);
}
