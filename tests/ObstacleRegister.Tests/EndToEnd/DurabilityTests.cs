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
/// process is killed with SIGKILL and started again. Run once, on SQLite, the default store.
/// </summary>
[NonParallelizable]
public sealed class DurabilityTests
{
    private const string AdminKey = "durability-admin-key-0123456789abcdefghijklmnop";

    [Test]
    public async Task AcknowledgedIntakes_SurviveKillMinus9()
    {
        var folder = Directory.CreateTempSubdirectory("obstacle-register-durability-");
        var database = Path.Combine(folder.FullName, "register.db");
        try
        {
            var acknowledged = new List<string>();
            using (var service = await Start(database))
            {
                using var admin = Client(service.Port, AdminKey);
                var (coordinator, reporter) = await Keys(admin);
                var regulation = await coordinator.PostJson("/api/v1/regulations", new JsonObject
                {
                    ["symbol"] = "13/2023/NĐ-CP", ["type"] = "decree", ["title"] = "Nghị định", ["issuer"] = "Chính phủ", ["issuedOn"] = "2023-04-17",
                }).ExpectJson(201);

                var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => reporter.PostJson("/api/v1/obstacles", new JsonObject
                {
                    ["title"] = $"Vướng mắc số {i}", ["description"] = "Quy định chồng chéo.", ["category"] = "conflict", ["severity"] = "high",
                    ["proposal"] = "amend", ["regulations"] = new JsonArray(new JsonObject { ["regulationId"] = regulation.Str("id"), ["provision"] = "Điều 5" }),
                })));
                foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
                {
                    acknowledged.Add((await response.ExpectJson(201)).Str("id"));
                }

                await service.Kill();
            }

            SqliteConnection.ClearAllPools();
            using (var restarted = await Start(database))
            {
                using var admin = Client(restarted.Port, AdminKey);
                var (coordinator, _) = await Keys(admin);
                var stored = new List<string>();
                foreach (var id in acknowledged)
                {
                    using var response = await coordinator.GetAsync($"/api/v1/obstacles/{id}");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        stored.Add(id);
                    }
                }

                Assert.Multiple(() =>
                {
                    Assert.That(acknowledged, Has.Count.EqualTo(40), "every intake was acknowledged before the kill");
                    Assert.That(stored, Is.EquivalentTo(acknowledged));
                });
                await restarted.Kill();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

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
