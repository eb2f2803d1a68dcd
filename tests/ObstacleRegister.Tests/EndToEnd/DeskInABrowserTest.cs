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

    protected string Root => Browser.RootOf(Factory);

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
        Browser.Forget(Chromium, Root, "/desk.css");
    }

    /// <summary>Signs out whoever was signed in, then this person in by the link the register emails them, landing on the desk.</summary>
    protected async Task SignInWithLink(string email)
    {
        Chromium.Navigate().GoToUrl(Root + "/signout");
        Chromium.Navigate().GoToUrl(Root + "/signin");
        Chromium.FindElement(OpenQA.Selenium.By.Id("f-email")).SendKeys(email);
        Chromium.FindElement(OpenQA.Selenium.By.CssSelector("button[value=send]")).Click();
        new OpenQA.Selenium.Support.UI.WebDriverWait(Chromium, TimeSpan.FromSeconds(30)).Until(d => d.FindElements(OpenQA.Selenium.By.CssSelector("p.notice")).Count > 0);
        using var outbox = new Infrastructure.StaffBrowser(Factory);
        var link = await outbox.LatestLinkTo(email) ?? throw new AssertionException($"No link was queued for {email}.");
        Chromium.Navigate().GoToUrl(Root + "/" + link);
        Chromium.FindElement(OpenQA.Selenium.By.CssSelector("button[value=send]")).Click();
        WaitForAddress(url => !url.Contains("token=", StringComparison.Ordinal));
    }

    /// <summary>Clicks what sends a form and waits (up to 30 s) until the page that answers it has replaced this one.</summary>
    protected void ClickForTheNextPage(OpenQA.Selenium.By button)
    {
        var before = Chromium.FindElement(OpenQA.Selenium.By.TagName("html"));
        Chromium.FindElement(button).Click();
        new OpenQA.Selenium.Support.UI.WebDriverWait(Chromium, TimeSpan.FromSeconds(30)).Until(_ => IsGone(before));
    }

    private static bool IsGone(OpenQA.Selenium.IWebElement element)
    {
        try
        {
            _ = element.TagName;
            return false;
        }
        catch (OpenQA.Selenium.StaleElementReferenceException)
        {
            return true;
        }
        catch (OpenQA.Selenium.UnknownErrorException replaced) when (replaced.Message.Contains("does not belong to the document", StringComparison.Ordinal))
        {
            // Chromium's way of saying the same while the new page is being built.
            return true;
        }
    }

    /// <summary>Waits (up to 30 s) until the browser's address says the page that answers a form has come.</summary>
    protected void WaitForAddress(Func<string, bool> arrived) =>
        new OpenQA.Selenium.Support.UI.WebDriverWait(Chromium, TimeSpan.FromSeconds(30)).Until(d => arrived(d.Url));
}
