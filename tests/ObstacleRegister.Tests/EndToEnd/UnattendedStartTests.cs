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
}
