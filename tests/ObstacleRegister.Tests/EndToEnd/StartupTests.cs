using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.EndToEnd;

/// <summary>What a new register does on its first start, and what it refuses to start with.</summary>
[NonParallelizable]
public sealed partial class StartupTests
{
    private DirectoryInfo folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("obstacle-register-startup-");

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    [Test]
    public async Task FirstStart_WithoutConfiguredKey_PrintsAWorkingAdminKeyOnce()
    {
        var database = Path.Combine(folder.FullName, "data", "register.db");

        var firstOutput = await StartAndCapture(database, _ => Task.CompletedTask);
        var key = AdminKeyLine().Match(firstOutput).Groups["key"].Value;
        var secondOutput = await StartAndCapture(database, async factory =>
        {
            using var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
            await client.GetAsync("/api/v1/api-keys").ExpectJson(200);
        });

        Assert.Multiple(() =>
        {
            Assert.That(key, Does.Match("^ork_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$"));
            Assert.That(File.Exists(database), Is.True, "the database and its folder are created on first start");
            Assert.That(secondOutput, Does.Not.Contain("ork_"), "the key is printed on the first start only");
        });
    }

    /// <summary>
    /// Every admin key lost: the operator runs the service on its server with <c>reset-admin-key</c>. The old admin keys
    /// stop working, the new one printed once works, and a configured bootstrap key does not come back with it.
    /// </summary>
    [Test]
    public async Task ResetAdminKey_RevokesEveryAdminKey_AndPrintsOneThatWorks()
    {
        var database = Path.Combine(folder.FullName, "register.db");
        const string lost = "lost-admin-key-0123456789abcdefghijklmnopqrstuv";
        await StartAndCapture(database, async factory => await Keyed(factory, lost).GetAsync("/api/v1/api-keys").ExpectJson(200), lost);
        SqliteConnection.ClearAllPools();

        var (exitCode, output) = await ServiceProcess.RunCommand(
            new Dictionary<string, string> { ["ConnectionStrings__Register"] = $"Data Source={database}" }, "reset-admin-key");

        var key = AdminKeyLine().Match(output).Groups["key"].Value;
        int oldKeyStatus = 0, newKeyStatus = 0;
        await StartAndCapture(database, async factory =>
        {
            oldKeyStatus = (int)(await Keyed(factory, lost).GetAsync("/api/v1/api-keys")).StatusCode;
            newKeyStatus = (int)(await Keyed(factory, key).GetAsync("/api/v1/api-keys")).StatusCode;
        }, lost);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Contain("1 admin key(s) revoked"));
            Assert.That(key, Does.Match("^ork_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$"));
            Assert.That(oldKeyStatus, Is.EqualTo(401), "the lost key is revoked, and configuring it again does not revive it");
            Assert.That(newKeyStatus, Is.EqualTo(200));
        });
    }

    /// <summary>
    /// A new register has a first admin who signs in with the link printed at first start, once; on the server,
    /// <c>sign-in-link ADDRESS</c> prints another.
    /// </summary>
    [Test]
    public async Task FirstStart_PrintsTheFirstAdminsSignInLink_AndTheCommandPrintsAnother()
    {
        var database = Path.Combine(folder.FullName, "register.db");
        var first = await StartAndCapture(database, _ => Task.CompletedTask);
        var second = await StartAndCapture(database, _ => Task.CompletedTask);
        SqliteConnection.ClearAllPools();

        var (exitCode, output) = await ServiceProcess.RunCommand(
            new Dictionary<string, string> { ["ConnectionStrings__Register"] = $"Data Source={database}" }, "sign-in-link", "admin@register.invalid");
        var (unknownExit, _) = await ServiceProcess.RunCommand(
            new Dictionary<string, string> { ["ConnectionStrings__Register"] = $"Data Source={database}" }, "sign-in-link", "nobody@example.org");
        var statuses = new List<int>();
        await StartAndCapture(database, async factory =>
        {
            foreach (var path in new[] { SignInLinkLine().Match(first).Groups["path"].Value, SignInLinkLine().Match(output).Groups["path"].Value })
            {
                using var browser = new StaffBrowser(factory);
                using var used = await browser.Post(path, "/signin/link", [new("token", Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("https://localhost" + path).Query)["token"].ToString())]);
                statuses.Add((int)used.StatusCode);
                statuses.Add((int)(await browser.Open("/desk/people")).Status);
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(first, Does.Contain("admin@register.invalid").And.Match(SignInLinkLine()));
            Assert.That(second, Does.Not.Contain("/signin/link"), "printed at the first start only");
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(unknownExit, Is.EqualTo(1));
            Assert.That(statuses, Is.EqualTo(new[] { 302, 200, 302, 200 }), "each link signs the first admin in, and they may open the people page");
        });
    }

    private static HttpClient Keyed(WebApplicationFactory<Program> factory, string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    [TestCase("Access:BootstrapAdminKey", "too-short")]
    [TestCase("Register:TimeZone", "Mars/Olympus_Mons")]
    [TestCase("Database:Provider", "Oracle")]
    [TestCase("Public:AnswerCacheSeconds", "61")]
    public void Start_WithInvalidSetting_Fails(string setting, string value)
    {
        using var factory = Factory(Path.Combine(folder.FullName, "register.db"), builder => builder.UseSetting(setting, value));

        Assert.Catch(() => _ = factory.Server);
    }

    private static WebApplicationFactory<Program> Factory(string database, Action<IWebHostBuilder>? configure = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:Register", $"Data Source={database}");
            configure?.Invoke(builder);
        });

    /// <summary>Starts a host on the database, lets the test use it, and returns what it printed to the console.</summary>
    private static async Task<string> StartAndCapture(string database, Func<WebApplicationFactory<Program>, Task> use, string? bootstrapKey = null)
    {
        var original = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            using var factory = Factory(database, bootstrapKey is null ? null : builder => builder.UseSetting("Access:BootstrapAdminKey", bootstrapKey));
            _ = factory.Server;
            await use(factory);
            return captured.ToString();
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    [GeneratedRegex(@"^\s+(?<key>ork_\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AdminKeyLine();

    [GeneratedRegex(@"^\s+(?<path>/signin/link\?token=\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex SignInLinkLine();
}
