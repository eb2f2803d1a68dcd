using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace ObstacleRegister.Tests.EndToEnd;

/// <summary>
/// Debian's Chromium driven by its chromedriver (packages <c>chromium</c> and <c>chromium-driver</c>), headless. Where
/// either is missing the browser tests say so and are skipped; the rest of the suite runs. <c>CHROME_BIN</c> and
/// <c>CHROMEDRIVER</c> name other paths.
/// </summary>
internal static class Browser
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROME_BIN") ?? "/usr/bin/chromium";

    public static string DriverPath => Environment.GetEnvironmentVariable("CHROMEDRIVER") ?? "/usr/bin/chromedriver";

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? Missing() =>
        !File.Exists(ChromiumPath) ? $"No Chromium at {ChromiumPath} (apt-get install chromium chromium-driver): browser tests not run."
        : !File.Exists(DriverPath) ? $"No chromedriver at {DriverPath} (apt-get install chromium-driver): browser tests not run."
        : null;

    /// <summary>A browser for a fixture, or the fixture ignored (with the reason) where Chromium is not installed.</summary>
    public static ChromeDriver StartOrIgnore()
    {
        if (Missing() is { } reason)
        {
            Assert.Ignore(reason);
        }

        return Start();
    }

    /// <summary>A headless Chromium whose Accept-Language names neither of the site's languages, so the site's own default shows.</summary>
    public static ChromeDriver Start()
    {
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600",
            "--hide-scrollbars", "--accept-lang=fr-FR");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
        return driver;
    }

    /// <summary>Where a host listening on a port of this machine answers.</summary>
    public static string RootOf(Infrastructure.RegisterFactory factory) =>
        factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    /// <summary>
    /// A test's browser as a new visitor's: the desk's width, and no cookie from the test before (cookies are cleared on
    /// the host's own origin, so a small asset of it is opened first).
    /// </summary>
    public static void Forget(ChromeDriver driver, string root, string asset)
    {
        driver.Manage().Window.Size = new System.Drawing.Size(1280, 1600);
        driver.Navigate().GoToUrl(root + asset);
        driver.Manage().Cookies.DeleteAllCookies();
    }

    /// <summary>Saves what the browser shows (the whole page) beside the test results.</summary>
    public static void Keep(ChromeDriver driver, string name)
    {
        var height = Convert.ToInt32(driver.ExecuteScript("return document.documentElement.scrollHeight"), System.Globalization.CultureInfo.InvariantCulture);
        var width = driver.Manage().Window.Size.Width;
        driver.Manage().Window.Size = new System.Drawing.Size(width, Math.Min(Math.Max(height + 40, 800), 6000));
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.png");
        driver.GetScreenshot().SaveAsFile(path);
        TestContext.AddTestAttachment(path, name);
    }

    /// <summary>The page as a phone (390 px) and a desk (1280 px) show it.</summary>
    public static readonly int[] Widths = [1280, 390];

    /// <summary>
    /// The axe-core script Selenium.Axe ships. Its builder is compiled against Selenium 3 and does not bind to the
    /// Selenium 4 driver used here, so the tests run the same script through Selenium 4's own script executor.
    /// </summary>
    private static readonly Lazy<string> AxeScript = new(() =>
    {
        using var stream = typeof(Selenium.Axe.AxeResult).Assembly.GetManifestResourceStream("Selenium.Axe.Resources.axe.min.js")
            ?? throw new InvalidOperationException("Selenium.Axe no longer ships axe.min.js under its old name.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// axe-core's findings on the page as shown now: those serious or critical, each with its rule and where. Minor and
    /// moderate findings are left to review, as the accessibility standard the register follows asks.
    /// </summary>
    public static List<string> SeriousAccessibilityFindings(ChromeDriver driver)
    {
        driver.ExecuteScript(AxeScript.Value);
        var json = (string?)driver.ExecuteAsyncScript("""
            var done = arguments[arguments.length - 1];
            axe.run(document).then(r => done(JSON.stringify({ violations: r.violations, passed: r.passes.length })),
                e => done(JSON.stringify({ violations: [{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }], passed: 0 })));
            """);
        using var result = System.Text.Json.JsonDocument.Parse(json ?? "{}");
        if (!result.RootElement.TryGetProperty("passed", out var passed) || passed.GetInt32() == 0)
        {
            return [$"{driver.Url}: axe-core checked nothing"];
        }

        return [.. result.RootElement.GetProperty("violations").EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{driver.Url}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) {v.GetProperty("help").GetString()} — "
                + string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("html").GetString())))];
    }

    /// <summary>
    /// Opens a page in both languages at both widths: axe-core's serious findings gathered, a screenshot of each kept
    /// as <c>{name}-{language}-{width}</c>. The window is left at the desk's width in Vietnamese.
    /// </summary>
    public static List<string> CheckEveryWay(ChromeDriver driver, string address, string name)
    {
        var findings = new List<string>();
        foreach (var language in new[] { "en", "vi" })
        {
            foreach (var width in Widths)
            {
                driver.Manage().Window.Size = new System.Drawing.Size(width, 1600);
                driver.Navigate().GoToUrl(address + (address.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + language);
                findings.AddRange(SeriousAccessibilityFindings(driver));
                var overflow = Convert.ToInt32(driver.ExecuteScript("return document.documentElement.scrollWidth - window.innerWidth"), System.Globalization.CultureInfo.InvariantCulture);
                if (overflow > 0)
                {
                    findings.Add($"{driver.Url}: {overflow} px wider than a {width} px window");
                }

                Keep(driver, $"{name}-{language}-{width}");
            }
        }

        driver.Manage().Window.Size = new System.Drawing.Size(1280, 1600);
        return findings;
    }
}
