using System.Globalization;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Site;
using ObstacleRegister.Tests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace ObstacleRegister.Tests.EndToEnd;

/// <summary>
/// The public site in a real browser, on a host listening on a port: every page renders with the figures counted by
/// hand, the chart's text alternative carries its table's numbers, the English switch works and is remembered, the
/// keyboard reaches the content first, a phone's width needs no sideways scrolling; a screenshot of each page is kept.
/// </summary>
[NonParallelizable]
public sealed class SiteInABrowserTests(DatabaseProvider provider) : SiteTest(provider)
{
    private ChromeDriver? browser;

    protected override bool ListensOnAPort => true;

    private ChromeDriver Chromium => browser ?? throw new InvalidOperationException("The browser did not start.");

    private string Root => Browser.RootOf(Factory);

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
    public void ForgetTheLanguageChoice() => Browser.Forget(Chromium, Root, "/site.css");

    [Test]
    public async Task EveryPage_RendersInVietnamese_WithTheFiguresCountedByHand()
    {
        var register = await RegisterCountedByHand();

        Open("/");
        var thisWeek = Column("table-comparison", 1);
        var trendTable = Chromium.FindElements(By.CssSelector("#table-trend tbody tr")).Select(r => r.FindElements(By.TagName("td")).Skip(2).Select(c => c.Text).ToList()).ToList();
        var description = Chromium.FindElement(By.Id("trend-chart-desc")).GetAttribute("textContent")!;
        var markers = Chromium.FindElements(By.CssSelector("#trend-chart g.series path")).Select(p => p.GetAttribute("data-value")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Chromium.FindElement(By.TagName("html")).GetAttribute("lang"), Is.EqualTo("vi"));
            Assert.That(Chromium.FindElement(By.TagName("h1")).Text, Is.EqualTo("Tiến độ"));
            Assert.That(Chromium.Title, Does.StartWith("Tiến độ"));
            Assert.That(thisWeek.Take(11), Is.EqualTo(new[] { "4", "2", "1", "1", "0", "2", "1", "1", "1", "100 %", "0" }), "the activity measures; the deadline statuses follow");
            Assert.That(trendTable, Has.Count.EqualTo(12));
            Assert.That(trendTable[^1], Is.EqualTo(new[] { "4", "1", "1", "1" }));
            Assert.That(Numbers(description), Is.EqualTo(Transpose(trendTable)), "the chart's text alternative carries the table's numbers");
            Assert.That(markers, Is.EqualTo(Transpose(trendTable)), "the drawn points are the table's numbers");
        });
        Browser.Keep(Chromium, "progress-vi");

        Open("/responsibility");
        Assert.Multiple(() =>
        {
            Assert.That(Chromium.FindElement(By.TagName("h1")).Text, Is.EqualTo("Trách nhiệm"));
            Assert.That(Column("table-amendments", 0), Is.EqualTo(new[] { OverdueTitle }));
            Assert.That(Column("table-amendments", 7), Is.EqualTo(new[] { "Không" }), "at risk: no");
            Assert.That(Column("table-amendments", 8), Is.EqualTo(new[] { "10" }));
            Assert.That(Column("table-amendments", 6), Is.EqualTo(new[] { "Đang soạn thảo" }));
        });
        Browser.Keep(Chromium, "responsibility-vi");

        Open("/results");
        Assert.Multiple(() =>
        {
            Assert.That(Column("table-resolved", 4), Is.EqualTo(new[] { register.IssuedSymbol }));
            Assert.That(Column("table-resolved", 6), Is.EqualTo(new[] { "02/03/2026" }));
            Assert.That(Column("table-rejected", 4), Is.EqualTo(new[] { RejectedAnswer }));
        });
        Browser.Keep(Chromium, "results-vi");

        Open("/hotspots");
        Assert.That(Column("table-regulations", 3)[0], Is.EqualTo("2"));
        Assert.That(Chromium.FindElements(By.CssSelector("#hotspots-chart rect")).Select(r => r.GetAttribute("data-value")), Is.EqualTo(Column("table-regulations", 3)));
        Browser.Keep(Chromium, "hotspots-vi");

        Open("/backlog");
        Assert.That(Chromium.FindElement(By.TagName("h1")).Text, Is.EqualTo("Văn bản hướng dẫn chưa ban hành"));
        Browser.Keep(Chromium, "backlog-vi");
        Assert.That(Chromium.PageSource, Does.Not.Contain(register.PrivateTexts[0]));
    }

    [Test]
    public async Task TheEnglishSwitch_ChangesEveryWord_AndIsRememberedFromPageToPage()
    {
        await RegisterCountedByHand();
        Open("/");

        Chromium.FindElement(By.CssSelector("header a.language")).Click();
        var home = (Chromium.FindElement(By.TagName("html")).GetAttribute("lang"), Chromium.FindElement(By.TagName("h1")).Text, Column("table-comparison", 0)[0]);
        Browser.Keep(Chromium, "progress-en");
        Chromium.FindElement(By.LinkText("Results")).Click();
        var results = (Chromium.FindElement(By.TagName("html")).GetAttribute("lang"), Chromium.FindElement(By.TagName("h1")).Text, Column("table-resolved", 6)[0]);
        Browser.Keep(Chromium, "results-en");
        Chromium.FindElement(By.CssSelector("header a.language")).Click();
        var back = Chromium.FindElement(By.TagName("h1")).Text;

        Assert.Multiple(() =>
        {
            Assert.That(home, Is.EqualTo(("en", "Progress", "Obstacles received")));
            Assert.That(results, Is.EqualTo(("en", "Results", "2026-03-02")));
            Assert.That(back, Is.EqualTo("Kết quả"), "and back to Vietnamese");
        });
    }

    [Test]
    public void TheKeyboardReachesTheContentFirst_AndAPhoneNeedsNoSidewaysScrolling()
    {
        Open("/responsibility");
        new OpenQA.Selenium.Interactions.Actions(Chromium).SendKeys(Keys.Tab).Perform();
        var first = Chromium.SwitchTo().ActiveElement();
        var skip = (first.GetAttribute("href"), first.Text);
        Chromium.Manage().Window.Size = new System.Drawing.Size(390, 844);
        Open("/");
        var overflow = Convert.ToInt32(Chromium.ExecuteScript("return document.documentElement.scrollWidth - window.innerWidth"), CultureInfo.InvariantCulture);
        Browser.Keep(Chromium, "progress-phone");

        Assert.Multiple(() =>
        {
            Assert.That(skip.Item1, Does.EndWith("#content"));
            Assert.That(skip.Item2, Is.EqualTo("Bỏ qua, đến nội dung chính"));
            Assert.That(overflow, Is.LessThanOrEqualTo(0), "the page fits a phone's width; wide tables scroll inside their frame");
        });
    }

    [Test]
    public async Task EveryPage_HasNoSeriousAccessibilityFinding_InEitherLanguage_OnAPhoneOrADesk()
    {
        await RegisterCountedByHand();
        var findings = new List<string>();

        foreach (var (path, name) in new[] { ("/", "progress"), ("/responsibility", "responsibility"), ("/results", "results"), ("/hotspots", "hotspots"), ("/backlog", "backlog") })
        {
            findings.AddRange(Browser.CheckEveryWay(Chromium, Root + path, $"axe-{name}"));
        }

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public async Task TheOpenDataPages_HaveNoSeriousAccessibilityFinding_AndAnEliAddressLandsOnItsProvision()
    {
        var register = await RegisterCountedByHand();
        var findings = new List<string>();
        var symbol = (await Coordinator.Http.GetAsync($"/api/v1/regulations/{CircularId}").ExpectJson(200)).Str("symbol");

        foreach (var (path, name) in new[]
        {
            ($"/regulations/{CircularId}", "regulation"), ($"/amendments/{register.Ids.Overdue}", "amendment"),
            ($"/obstacles/{register.Ids.Resolved}", "obstacle"), ("/data", "data"),
        })
        {
            findings.AddRange(Browser.CheckEveryWay(Chromium, Root + path, $"axe-{name}"));
        }

        Open($"/eli/vn/circular/2024/{symbol.Split('/')[0]}-tt-btttt/art_5/cl_2");
        var landed = (new Uri(Chromium.Url).AbsolutePath, new Uri(Chromium.Url).Fragment, Chromium.FindElement(By.TagName("h1")).Text);
        var provisionRow = Chromium.FindElement(By.Id("art_5_cl_2")).Text;

        Assert.Multiple(() =>
        {
            Assert.That(findings, Is.Empty);
            Assert.That(landed, Is.EqualTo(($"/regulations/{CircularId}", "#art_5_cl_2", symbol)), "the ELI address led to the document's page, at the provision");
            Assert.That(provisionRow, Does.Contain("Điều 5, khoản 2"));
        });
    }

    private void Open(string path) => Chromium.Navigate().GoToUrl(Root + path);

    private List<string> Column(string table, int column) =>
        [.. Chromium.FindElements(By.CssSelector($"#{table} tbody tr")).Select(r => r.FindElements(By.TagName("td"))[column].Text)];

    private static List<string> Numbers(string description) =>
        [.. description.Split(';').SelectMany(series => series[(series.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(',')).Select(n => n.Trim())];

    private static List<string> Transpose(List<List<string>> rows) =>
        [.. Enumerable.Range(0, rows[0].Count).SelectMany(column => rows.Select(r => r[column]))];
}
