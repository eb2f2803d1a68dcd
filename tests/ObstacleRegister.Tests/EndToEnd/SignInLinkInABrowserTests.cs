using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;
using OpenQA.Selenium;

namespace ObstacleRegister.Tests.EndToEnd;

/// <summary>
/// A register without an identity provider, in a real browser: an admin asks for a sign-in link, opens the emailed
/// link, signs in, and keeps people on <c>/desk/people</c>; the sign-in pages, the people page and the import page
/// pass axe-core in both languages at both widths.
/// </summary>
[NonParallelizable]
public sealed class SignInLinkInABrowserTests(DatabaseProvider provider) : DeskInABrowserTest(provider)
{
    [Test]
    public async Task AnAdmin_SignsInWithAnEmailedLink_AndAddsAPerson()
    {
        var email = await AddPerson(Coordinator.UnitId, "Quản Trị Viên", "admin", "reporter");
        var findings = Browser.CheckEveryWay(Chromium, Root + "/signin", "signin-ask");

        Chromium.Navigate().GoToUrl(Root + "/desk");
        Chromium.FindElement(By.Id("f-email")).SendKeys(email);
        Chromium.FindElement(By.CssSelector("button[value=send]")).Click();
        new OpenQA.Selenium.Support.UI.WebDriverWait(Chromium, TimeSpan.FromSeconds(30)).Until(d => d.FindElements(By.CssSelector("p.notice")).Count > 0);
        var sent = Chromium.FindElement(By.TagName("h1")).Text;
        findings.AddRange(Browser.SeriousAccessibilityFindings(Chromium));
        using var outbox = new StaffBrowser(Factory);
        var link = await outbox.LatestLinkTo(email) ?? throw new AssertionException("No link was queued.");
        findings.AddRange(Browser.CheckEveryWay(Chromium, Root + "/" + link, "signin-link"));
        Chromium.Navigate().GoToUrl(Root + "/" + link);
        Chromium.FindElement(By.CssSelector("button[value=send]")).Click();
        WaitForAddress(url => !url.Contains("token=", StringComparison.Ordinal));
        var landed = new Uri(Chromium.Url).PathAndQuery;

        findings.AddRange(Browser.CheckEveryWay(Chromium, Root + "/desk/people", "people"));
        Chromium.Navigate().GoToUrl(Root + "/desk/people");
        Chromium.FindElement(By.Id("f-email")).SendKeys("moi@example.org");
        Chromium.FindElement(By.Id("f-name")).SendKeys("Người Mới");
        Chromium.FindElement(By.Id("f-unitId")).FindElement(By.CssSelector($"option[value='{ReporterA.UnitId}']")).Click();
        Chromium.FindElement(By.Id("f-roles-reporter")).Click();
        Chromium.FindElement(By.CssSelector("form.staff button[value=send]")).Click();
        WaitForAddress(url => url.Contains("saved=true", StringComparison.Ordinal));
        var listed = Chromium.FindElement(By.CssSelector("table")).Text;
        findings.AddRange(Browser.CheckEveryWay(Chromium, Root + "/desk/imports", "imports"));

        Assert.Multiple(() =>
        {
            Assert.That(sent, Is.EqualTo("Hãy kiểm tra thư điện tử"));
            Assert.That(landed, Is.EqualTo("/desk"), "the link signs in and lands on the desk");
            Assert.That(listed, Does.Contain("Người Mới").And.Contain("moi@example.org"));
            Assert.That(findings, Is.Empty, "axe-core: no serious or critical finding; no page wider than the window");
        });
    }
}
