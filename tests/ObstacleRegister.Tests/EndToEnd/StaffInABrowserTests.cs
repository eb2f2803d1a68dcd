using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;
using OpenQA.Selenium;

namespace ObstacleRegister.Tests.EndToEnd;

/// <summary>
/// The register's loop in a real browser, each person signing in through a real OpenID Connect provider: a reporter
/// reports and answers a question, a coordinator asks, accepts and opens an amendment, a drafter checks in, the
/// responsible official finds the late work on their desk, and the drafter issues it. Every page is checked by
/// axe-core in both languages at a desk's and a phone's width, with screenshots kept. Also: a stranger the provider
/// vouches for is refused, and the report form is completed with the keyboard alone.
/// </summary>
[NonParallelizable]
public sealed class StaffInABrowserTests(DatabaseProvider provider) : DeskInABrowserTest(provider)
{
    private static readonly TestIdentityProvider.Account ReporterAccount = new("sub-reporter", "bao.cao@donvi-a.gov.vn", "Lê Thị Báo Cáo");
    private static readonly TestIdentityProvider.Account CoordinatorAccount = new("sub-coordinator", "dieu.phoi@moj.gov.vn", "Phạm Văn Điều Phối");
    private static readonly TestIdentityProvider.Account DrafterAccount = new("sub-drafter", "soan.thao@mic.gov.vn", "Trần Soạn Thảo");
    private static readonly TestIdentityProvider.Account OfficialAccount = new("sub-official", "thu.truong@mic.gov.vn", "Nguyễn Văn B");
    private static readonly TestIdentityProvider.Account StrangerAccount = new("sub-stranger", "nguoi.la@example.org", "Người Lạ");

    private TestIdentityProvider? identityProvider;

    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string>
    {
        ["Authentication:Oidc:Authority"] = IdentityProvider.Authority,
        ["Authentication:Oidc:ClientId"] = TestIdentityProvider.ClientId,
        ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
    };

    private TestIdentityProvider IdentityProvider => identityProvider ??= StartProvider();

    [OneTimeTearDown]
    public async Task StopProvider()
    {
        if (identityProvider is not null)
        {
            await identityProvider.DisposeAsync();
        }
    }

    [Test]
    public async Task FourPeople_WalkTheLoop_ThroughTheirOrganisationsProvider()
    {
        var symbol = (await Coordinator.Http.GetAsync($"/api/v1/regulations/{CircularId}").ExpectJson(200)).Str("symbol");
        await AddPerson(ReporterA.UnitId, ReporterAccount, "reporter");
        await AddPerson(Coordinator.UnitId, CoordinatorAccount, "coordinator");
        await AddPerson(DraftingUnitId, DrafterAccount, "drafter");
        await AddPerson(Coordinator.UnitId, OfficialAccount, "reporter");
        var findings = new List<string>();

        SignIn(ReporterAccount);
        findings.AddRange(Browser.CheckEveryWay(Chromium, Root + "/desk/obstacles/new", "report-form"));
        Open("/desk/obstacles/new");
        Fill("f-title", "Thời hạn cấp phép chồng chéo");
        Fill("f-description", "Hai thông tư quy định thời hạn khác nhau cho cùng một thủ tục.");
        Fill("f-regulations-0--symbol", symbol);
        Fill("f-regulations-0--provision", "Điều 5, khoản 2");
        Chromium.FindElement(By.CssSelector("button[value=send]")).Click();
        WaitForAddress(url => url.Contains("saved=true", StringComparison.Ordinal));
        var obstaclePath = new Uri(Chromium.Url).AbsolutePath;
        Assert.That(obstaclePath, Does.StartWith("/desk/obstacles/"), "the report is sent and its page shown");
        findings.AddRange(Browser.CheckEveryWay(Chromium, Root + obstaclePath, "obstacle-reporter"));

        SignIn(CoordinatorAccount);
        findings.AddRange(Browser.CheckEveryWay(Chromium, Root + "/desk", "desk-coordinator"));
        Open(obstaclePath);
        Fill("f-ask-question", "Xin cho biết số hồ sơ bị ảnh hưởng?");
        Submit("ask");

        SignIn(ReporterAccount);
        findings.AddRange(Browser.CheckEveryWay(Chromium, Root + "/desk", "desk-reporter"));
        Open(obstaclePath);
        Fill("f-comment-text", "Khoảng 120 hồ sơ mỗi tháng.");
        Submit("comment");

        SignIn(CoordinatorAccount);
        Open(obstaclePath);
        Submit("accept");
        Chromium.FindElement(By.PartialLinkText("Giao sửa đổi")).Click();
        WaitForAddress(url => url.Contains("/desk/amendments/new", StringComparison.Ordinal));
        findings.AddRange(Browser.CheckEveryWay(Chromium, Chromium.Url, "open-amendment"));
        Select("f-regulationId", CircularId);
        Select("f-draftingUnitId", DraftingUnitId.ToString());
        Fill("f-title", "Sửa đổi Điều 5 về thời hạn cấp phép");
        Fill("f-responsibleOfficial-name", OfficialAccount.Name);
        Fill("f-responsibleOfficial-position", "Thứ trưởng");
        Fill("f-responsibleOfficial-email", OfficialAccount.Email);
        SetDate("f-dueOn", DateOnly.FromDateTime(Clock.Now.UtcDateTime).AddDays(5));
        Chromium.FindElement(By.CssSelector("button[value=send]")).Click();
        WaitForAddress(url => url.Contains("saved=true", StringComparison.Ordinal));
        var amendmentPath = new Uri(Chromium.Url).AbsolutePath;
        Assert.That(amendmentPath, Does.StartWith("/desk/amendments/"), "the amendment is opened and its page shown");

        SignIn(DrafterAccount);
        findings.AddRange(Browser.CheckEveryWay(Chromium, Root + "/desk", "desk-drafter"));
        Open(amendmentPath);
        Select("f-progress-stage", "drafting");
        Fill("f-progress-note", "Đã lập tổ soạn thảo.");
        Submit("progress");
        findings.AddRange(Browser.CheckEveryWay(Chromium, Root + amendmentPath, "amendment-drafter"));

        Clock.Now = Clock.Now.AddDays(9);
        SignIn(OfficialAccount);
        Open("/desk");
        var officialDesk = Chromium.FindElement(By.Id("official-heading")).FindElement(By.XPath("..")).Text;
        findings.AddRange(Browser.CheckEveryWay(Chromium, Root + "/desk", "desk-official-late"));

        SignIn(DrafterAccount);
        Open(amendmentPath);
        foreach (var stage in new[] { "consultation", "appraisal", "submitted" })
        {
            Select("f-progress-stage", stage);
            Fill("f-progress-note", $"Hoàn thành giai đoạn {stage}.");
            Submit("progress");
        }

        Fill("f-issue-documentSymbol", NewCircularSymbol());
        SetDate("f-issue-issuedOn", DateOnly.FromDateTime(Clock.Now.UtcDateTime));
        SetDate("f-issue-effectiveOn", DateOnly.FromDateTime(Clock.Now.UtcDateTime));
        Submit("issue");
        var amendment = await GetAmendment(amendmentPath.Split('/')[^1]);
        var obstacle = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{obstaclePath.Split('/')[^1]}/history").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(officialDesk, Does.Contain("Sửa đổi Điều 5 về thời hạn cấp phép").And.Contain("Trễ 4 ngày"), "the official sees their late work");
            Assert.That(amendment.Str("status"), Is.EqualTo("in_force"));
            Assert.That(amendment["recentProgress"]![0]!["person"]!.Str("name"), Is.EqualTo(DrafterAccount.Name));
            Assert.That(obstacle["items"]!.AsArray().Select(e => e!["person"]?.Str("name")),
                Is.SupersetOf(new[] { ReporterAccount.Name, CoordinatorAccount.Name }), "each step under the person who took it");
            Assert.That(findings, Is.Empty, "axe-core: no serious or critical finding; no page wider than the window");
        });
    }

    [Test]
    public void AStrangerTheProviderVouchesFor_IsRefused_WithAPageSayingWhomToAsk()
    {
        SignIn(StrangerAccount, expectDesk: false);
        var refused = (Address: new Uri(Chromium.Url), Heading: Chromium.FindElement(By.TagName("h1")).Text, Text: Chromium.FindElement(By.TagName("main")).Text);

        var findings = Browser.CheckEveryWay(Chromium, Chromium.Url, "refused-stranger");
        Open("/desk");

        Assert.Multiple(() =>
        {
            Assert.That(refused.Address.AbsolutePath, Is.EqualTo("/signin"));
            Assert.That(refused.Heading, Is.EqualTo("Bạn chưa thể đăng nhập vào hệ thống"));
            Assert.That(refused.Text, Does.Contain("quản trị viên"), "the page says whom to ask");
            Assert.That(Chromium.Url, Does.StartWith(IdentityProvider.Authority), "no session was opened: the desk sends them to sign in again");
            Assert.That(findings, Is.Empty);
        });
    }

    [Test]
    public async Task TheReportForm_IsCompleted_WithTheKeyboardAlone()
    {
        var symbol = (await Coordinator.Http.GetAsync($"/api/v1/regulations/{CircularId}").ExpectJson(200)).Str("symbol");
        await AddPerson(ReporterA.UnitId, ReporterAccount, "reporter");
        SignIn(ReporterAccount);
        Open("/desk/obstacles/new");

        var keys = new OpenQA.Selenium.Interactions.Actions(Chromium);
        Chromium.FindElement(By.TagName("body")).Click();
        TabTo("f-title");
        keys.SendKeys("Báo cáo bằng bàn phím").SendKeys(Keys.Tab).SendKeys("Chỉ dùng phím Tab và Enter.").SendKeys(Keys.Tab)
            .SendKeys(symbol).SendKeys(Keys.Tab).SendKeys("Điều 5").Perform();
        TabTo("send");
        keys.SendKeys(Keys.Enter).Perform();
        WaitForAddress(url => url.Contains("saved=true", StringComparison.Ordinal));

        Assert.That(Chromium.FindElement(By.TagName("h1")).Text, Does.EndWith("Báo cáo bằng bàn phím"));
    }

    private void TabTo(string target)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            var active = Chromium.SwitchTo().ActiveElement();
            if (active.GetAttribute("id") == target || active.GetAttribute("value") == target)
            {
                return;
            }

            new OpenQA.Selenium.Interactions.Actions(Chromium).SendKeys(Keys.Tab).Perform();
        }

        Assert.Fail($"The keyboard never reached {target}.");
    }

    private static TestIdentityProvider StartProvider()
    {
        var started = TestIdentityProvider.Start().GetAwaiter().GetResult();
        started.Accounts.AddRange([ReporterAccount, CoordinatorAccount, DrafterAccount, OfficialAccount, StrangerAccount]);
        return started;
    }

    private async Task AddPerson(Guid unitId, TestIdentityProvider.Account account, params string[] roles) =>
        await Admin.PostJson("/api/v1/people", new JsonObject
        {
            ["email"] = account.Email, ["name"] = account.Name, ["unitId"] = unitId.ToString(),
            ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)r)]),
        }).ExpectJson(201);

    /// <summary>Signs out whoever was signed in, then in as this account at the provider, landing on the desk.</summary>
    private void SignIn(TestIdentityProvider.Account account, bool expectDesk = true)
    {
        Open("/signout");
        Open("/desk?lang=vi");
        Chromium.FindElement(By.Id("account-" + account.Subject)).Click();
        // The provider answers with a page that posts the code back (form_post): wait until the register has answered that.
        WaitForAddress(url => url.StartsWith(Root, StringComparison.Ordinal) && !url.Contains("/signin-oidc", StringComparison.Ordinal));
        if (expectDesk)
        {
            Assert.That(new Uri(Chromium.Url).AbsolutePath, Is.EqualTo("/desk"), $"{account.Email} signed in");
            Browser.Keep(Chromium, "signed-in-" + account.Subject);
        }
    }

    private void Open(string path) => Chromium.Navigate().GoToUrl(path.StartsWith("http", StringComparison.Ordinal) ? path : Root + path);

    private void Fill(string id, string text)
    {
        if (Chromium.FindElements(By.Id(id)).Count == 0)
        {
            Browser.Keep(Chromium, "missing-" + id);
            Assert.Fail($"No field {id} on {Chromium.Url}: {Chromium.FindElement(By.TagName("main")).Text}");
        }

        var field = Chromium.FindElement(By.Id(id));
        field.Clear();
        field.SendKeys(text);
    }

    private void Select(string id, string value) =>
        Chromium.FindElement(By.Id(id)).FindElement(By.CssSelector($"option[value='{value}']")).Click();

    /// <summary>A date field takes the day as typed in the browser's locale; setting its value is the same as choosing it.</summary>
    private void SetDate(string id, DateOnly day) =>
        Chromium.ExecuteScript("arguments[0].value = arguments[1];", Chromium.FindElement(By.Id(id)), day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Sends one of the page's forms by its button, and waits for the page that answers it.</summary>
    private void Submit(string scope)
    {
        ClickForTheNextPage(By.CssSelector($"form[action$='/{ActionOf(scope)}'] button[value=send]"));
        Assert.That(Chromium.FindElements(By.CssSelector(".problem")), Is.Empty, $"the {scope} form was accepted: {Chromium.PageSource[..Math.Min(2000, Chromium.PageSource.Length)]}");
    }

    private static string ActionOf(string scope) => scope == "ask" ? "request-information" : scope;
}
