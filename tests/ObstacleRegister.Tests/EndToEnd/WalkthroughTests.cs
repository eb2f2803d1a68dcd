using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.EndToEnd;

/// <summary>
/// The README's walk-through is <c>docs/walkthrough.sh</c>: every block the README shows is a part of the script, and
/// the script runs against the built service, started as an operator starts it, from an empty register to an obstacle
/// resolved by the amendment in force.
/// </summary>
[NonParallelizable]
public sealed partial class WalkthroughTests
{
    private const string AdminKey = "walkthrough-admin-key-0123456789abcdefghij";

    private static string Script => Path.Combine(Repository.Root.Value, "docs", "walkthrough.sh");

    [Test]
    public void EveryBlockOfTheReadmesWalkthrough_IsPartOfTheScript()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root.Value, "README.md"));
        var start = readme.IndexOf("## A first walk through the API", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var blocks = ShellBlock().Matches(readme[start..end]).Select(m => m.Groups["code"].Value)
            .Where(code => !code.Contains("docs/walkthrough.sh", StringComparison.Ordinal)).ToList();
        var script = File.ReadAllText(Script);

        Assert.That(blocks, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(blocks, Has.All.Matches<string>(script.Contains), "a README block differs from docs/walkthrough.sh: copy it from there");
    }

    [Test]
    public async Task TheScript_TakesAnEmptyRegisterToAnObstacleResolvedByTheAmendmentInForce()
    {
        var missing = new[] { "bash", "curl", "jq" }.Where(tool => !OnPath(tool)).ToList();
        if (missing.Count > 0)
        {
            Assert.Ignore($"The walk-through needs {string.Join(", ", missing)} on the PATH (.ci/run installs them).");
        }

        var database = Path.Combine(Path.GetTempPath(), $"walkthrough-{Guid.NewGuid():N}.db");
        try
        {
            using var service = await ServiceProcess.Start(new Dictionary<string, string>
            {
                ["ConnectionStrings__Register"] = $"Data Source={database}",
                ["Access__BootstrapAdminKey"] = AdminKey,
            });
            var (exitCode, output) = await Run(Script, new Dictionary<string, string>
            {
                ["ADMIN"] = AdminKey,
                ["API"] = $"http://127.0.0.1:{service.Port}/api/v1",
            });
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            Assert.That(exitCode, Is.Zero, output);
            Assert.Multiple(() =>
            {
                Assert.That(lines, Has.Some.Match(@"^VM-\d{4}-000001 submitted$"), "the first obstacle of an empty register");
                Assert.That(lines, Does.Contain("accepted"));
                Assert.That(lines, Does.Contain("submitted").And.Contain("appraisal"), "every stage was reported");
                Assert.That(lines, Does.Contain("in_force"));
                Assert.That(lines[^1], Does.EndWith("resolved"), output);
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<(int ExitCode, string Output)> Run(string script, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool)));

    [GeneratedRegex(@"```sh\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
