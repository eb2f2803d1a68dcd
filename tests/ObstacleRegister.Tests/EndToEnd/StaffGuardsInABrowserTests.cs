using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;
using OpenQA.Selenium;

namespace ObstacleRegister.Tests.EndToEnd;

/// <summary>
/// What the staff pages refuse, in a real browser: a form sent for an older version shows the 412 page and changes
/// nothing, a form stripped of its anti-forgery token writes nothing, a person of another unit sees no private
/// field and no action, and a removed person's open session stops within the recheck bound. The list pages the
/// desk's counts lead to, and a resolved obstacle's page asking its unit whether it held, pass axe-core.
/// </summary>
[NonParallelizable]
public sealed class StaffGuardsInABrowserTests(DatabaseProvider provider) : DeskInABrowserTest(provider)
{
    private const string PrivateContact = "Liên hệ riêng: 0912 345 678";

    [Test]
    public async Task AStaleForm_AndAForgedForm_ChangeNothing()
    {
        var id = await ReportWithContact();
        await SignInWithLink(await AddPerson(Coordinator.UnitId, "Phạm Điều Phối", "coordinator"));
        Chromium.Navigate().GoToUrl(Root + $"/desk/obstacles/{id}");
        await Transition(Coordinator.Http, id, "request-information", new JsonObject { ["question"] = "Xin bổ sung số liệu?" });

        Send("accept");
        var stale = Chromium.FindElement(By.CssSelector(".problem")).Text;
        Browser.Keep(Chromium, "stale-form");
        Chromium.ExecuteScript("document.querySelectorAll('form[action$=\"/reject\"] input[name=__RequestVerificationToken]').forEach(i => i.remove());");
        Chromium.FindElement(By.Id("f-reject-reason")).SendKeys("Không thuộc phạm vi.");
        Send("reject");
        var forged = Chromium.FindElement(By.TagName("body")).Text;
        Browser.Keep(Chromium, "forged-form");
        var history = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{id}/history").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(stale, Does.Contain("Đã có người thay đổi"), "the stale form says so instead of overwriting");
            Assert.That(forged, Does.Contain("Không thể nhận biểu mẫu này"), "the forged form is refused on a page in the page's language");
            Assert.That(history["items"]!.AsArray().Select(e => e!.Str("action")), Is.EqualTo(new[] { "submitted", "information_requested" }),
                "neither the stale accept nor the forged rejection was written");
        });
    }

    [Test]
    public async Task APersonOfAnotherUnit_SeesNoPrivateField_AndTheListsPassAxe()
    {
        var id = await ReportWithContact();
        await SignInWithLink(await AddPerson(ReporterB.UnitId, "Người Đơn Vị Khác", "reporter"));

        Chromium.Navigate().GoToUrl(Root + $"/desk/obstacles/{id}");
        var page = Chromium.FindElement(By.TagName("main")).Text;
        var forms = Chromium.FindElements(By.CssSelector("main form")).Select(f => f.GetAttribute("action")).ToList();
        var findings = Browser.CheckEveryWay(Chromium, Root + $"/desk/obstacles/{id}", "obstacle-other-unit");
        findings.AddRange(Browser.CheckEveryWay(Chromium, Root + $"/desk/obstacles?unitId={ReporterA.UnitId}", "obstacle-list"));
        findings.AddRange(Browser.CheckEveryWay(Chromium, Root + "/desk/amendments", "amendment-list"));

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("Quy định chồng chéo về cấp phép"), "the public fields are shown");
            Assert.That(page, Does.Not.Contain(PrivateContact));
            Assert.That(forms, Has.None.Contains("/accept").And.None.Contains("/correct").And.None.Contains("/withdraw"));
            Assert.That(findings, Is.Empty, "axe-core: no serious or critical finding; no page wider than the window");
        });
    }

    [Test]
    public async Task TheReportingUnit_IsAskedWhetherAResolutionHeld_OnAPageThatPassesAxe()
    {
        var id = await AcceptedObstacle(ReporterA);
        // This fixture runs on the real clock: the document is issued and in force today, in the register's zone (UTC+7).
        var today = DateOnly.FromDateTime(Clock.Now.ToOffset(TimeSpan.FromHours(7)).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Issue(await SubmittedAmendment(id), IssueBody(NewCircularSymbol(), today, today));
        await SignInWithLink(await AddPerson(ReporterA.UnitId, "Lê Thị Báo Cáo", "reporter"));

        Chromium.Navigate().GoToUrl(Root + $"/desk/obstacles/{id}");
        var forms = Chromium.FindElements(By.CssSelector("main form")).Select(f => f.GetAttribute("action")).ToList();
        var findings = Browser.CheckEveryWay(Chromium, Root + $"/desk/obstacles/{id}", "obstacle-resolved-asked");

        Assert.Multiple(() =>
        {
            Assert.That(forms, Has.Some.EndsWith("/confirm").And.Some.EndsWith("/reopen"));
            Assert.That(findings, Is.Empty, "axe-core: no serious or critical finding; no page wider than the window");
        });
    }

    [Test]
    public async Task ARemovedPerson_IsSentToSignIn_WithinTheRecheckBound()
    {
        var email = await AddPerson(ReporterA.UnitId, "Người Sắp Rời", "reporter");
        await SignInWithLink(email);
        var people = await Admin.GetAsync("/api/v1/people?limit=200").ExpectJson(200);
        var person = people["items"]!.AsArray().Single(p => p!.Str("email") == email)!;

        using var removed = await Admin.DeleteAsync($"/api/v1/people/{person.Str("id")}");
        Clock.Now = Clock.Now.AddMinutes(2);
        Chromium.Navigate().GoToUrl(Root + "/desk");

        Assert.Multiple(() =>
        {
            Assert.That(removed.IsSuccessStatusCode, Is.True);
            Assert.That(new Uri(Chromium.Url).AbsolutePath, Is.EqualTo("/signin"), "the session no longer opens the desk");
            Assert.That(Chromium.FindElements(By.Id("f-email")), Is.Not.Empty);
        });
    }

    private async Task<string> ReportWithContact()
    {
        var body = Obstacle(regulationId: CircularId);
        body["contact"] = PrivateContact;
        return (await Submit(ReporterA, body)).Str("id");
    }

    private void Send(string action) => ClickForTheNextPage(By.CssSelector($"form[action$='/{action}'] button[value=send]"));
}
