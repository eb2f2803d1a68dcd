using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Desk;
using OpenQA.Selenium.Chrome;

namespace ObstacleRegister.Tests.EndToEnd;

/// <summary>
/// The staff pages in Chromium, on a host listening on a port of this machine, one browser per fixture. Tests run on
/// the real clock: a provider signs its tokens on it, and cookies born in the fake clock's past would be dropped.
/// </summary>
public abstract class DeskInABrowserTest(DatabaseProvider provider) : DeskTest(provider)
{
    private ChromeDriver? browser;

    protected override bool ListensOnAPort => true;

    protected ChromeDriver Chromium => browser ?? throw new InvalidOperationException("The browser did not start.");

    protected string Root => Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    [OneTimeSetUp]
    public void StartBrowser() => browser = Browser.StartOrIgnore();

    [OneTimeTearDown]
    public void StopBrowser()
    {
        // Quit ends the browser and its driver process; Dispose releases the client.
        browser?.Quit();
        browser?.Dispose();
    }

    [SetUp]
    public void OnTheRealClockWithoutCookies()
    {
        Clock.Now = DateTimeOffset.UtcNow;
        Chromium.Manage().Window.Size = new System.Drawing.Size(1280, 1600);
        Chromium.Navigate().GoToUrl(Root + "/desk.css");
        Chromium.Manage().Cookies.DeleteAllCookies();
    }

    /// <summary>Waits (up to 30 s) until the browser's address says the page that answers a form has come.</summary>
    protected void WaitForAddress(Func<string, bool> arrived) =>
        new OpenQA.Selenium.Support.UI.WebDriverWait(Chromium, TimeSpan.FromSeconds(30)).Until(d => arrived(d.Url));
}
