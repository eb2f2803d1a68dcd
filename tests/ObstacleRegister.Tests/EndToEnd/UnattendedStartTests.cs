using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.EndToEnd;

/// <summary>
/// Started the way a service manager starts it, from <c>/</c>: the service reads the appsettings.json beside it (so
/// request lines stay at Warning) and keeps a relative SQLite file in its own folder, not in the working directory.
/// </summary>
[NonParallelizable]
public sealed class UnattendedStartTests
{
    [Test]
    public async Task StartedFromTheRootFolder_ReadsItsOwnSettingsAndKeepsItsDataBesideIt()
    {
        var name = $"unattended-{Guid.NewGuid():N}.db";
        string? database = null;
        try
        {
            using var service = await ServiceProcess.Start(new Dictionary<string, string>
            {
                ["ConnectionStrings__Register"] = $"Data Source=data/{name}",
                ["Access__BootstrapAdminKey"] = "unattended-admin-key-0123456789abcdefghijkl",
            }, workingDirectory: "/");
            database = Path.Combine(service.Folder, "data", name);
            using var client = service.Client();
            for (var i = 0; i < 3; i++)
            {
                using var response = await client.GetAsync("/api/v1/public/progress");
                Assert.That((int)response.StatusCode, Is.EqualTo(200));
            }

            await service.Kill();
            var output = string.Join('\n', service.Output);

            Assert.Multiple(() =>
            {
                Assert.That(output, Does.Contain("Applied migration"), "Information lines of the service itself are written");
                Assert.That(output, Does.Not.Contain("Request starting"), "appsettings.json keeps Microsoft.AspNetCore at Warning");
                Assert.That(File.Exists(database), Is.True, "the relative database file is under the service's folder");
                Assert.That(File.Exists(Path.Combine("/data", name)), Is.False);
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in database is null ? [] : new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [TestCase("simple")]
    [TestCase("json")]
    public async Task ProblemTraceId_IsInTheLogLinesOfItsRequest(string formatter)
    {
        var folder = Directory.CreateTempSubdirectory("obstacle-register-logs-");
        const string admin = "log-admin-key-0123456789abcdefghijklmnopqrstu";
        try
        {
            var database = Path.Combine(folder.FullName, "register.db");
            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__Register"] = $"Data Source={database}", ["Access__BootstrapAdminKey"] = admin, ["Database__LockTimeout"] = "00:00:01",
            };
            if (formatter == "json")
            {
                environment["Logging__Console__FormatterName"] = "json";
            }

            using var service = await ServiceProcess.Start(environment);
            using var client = service.Client();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", admin);
            string traceId;
            await using (var holder = new SqliteConnection($"Data Source={database}"))
            {
                await holder.OpenAsync();
                await using var transaction = await holder.BeginTransactionAsync();
                await holder.ExecuteAsync("UPDATE schema_version SET name = name", transaction: transaction);
                var problem = await client.PostJson("/api/v1/units", new JsonObject { ["code"] = "LOG", ["name"] = "Sở", ["kind"] = "province" }).ExpectJson(503);
                traceId = problem.Str("traceId").Split('-')[1];
            }

            await service.Kill();
            var lines = service.Output.ToList();
            var busy = lines.FindIndex(l => l.Contains("Database busy for POST", StringComparison.Ordinal));

            Assert.Multiple(() =>
            {
                Assert.That(busy, Is.GreaterThanOrEqualTo(0), string.Join('\n', lines));
                if (formatter == "json")
                {
                    var entry = JsonNode.Parse(lines[busy])!;
                    Assert.That(entry.ToJsonString(), Does.Contain(traceId), "the JSON line carries the trace id in its scopes");
                }
                else
                {
                    Assert.That(string.Join('\n', lines.Skip(busy - 1).Take(3)), Does.Contain(traceId), "the scope line beside the warning names the trace");
                }
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
