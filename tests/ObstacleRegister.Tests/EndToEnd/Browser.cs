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
}
