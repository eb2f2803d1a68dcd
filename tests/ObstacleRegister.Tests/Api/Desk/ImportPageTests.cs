using System.Net;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Desk;

/// <summary>The spreadsheet import on <c>/desk/imports</c>: the API's import, with its row errors as a table.</summary>
public sealed class ImportPageTests(DatabaseProvider provider) : DeskTest(provider)
{
    [Test]
    public async Task ARefusedSheet_ShowsEachCellToCorrect_AndAPartialImportWritesTheRest()
    {
        var symbol = (await Coordinator.Http.GetAsync($"/api/v1/regulations/{CircularId}").ExpectJson(200)).Str("symbol");
        using var reporter = await SignedIn(ReporterA.UnitId, "Lê Báo Cáo", "reporter");
        var sheet = Obstacles.Spreadsheets.Csv(
        [
            ["title", "description", "category", "severity", "proposal", "impact", "contact", "regulation_1", "provision_1"],
            ["Thời hạn chồng chéo", "Hai văn bản, hai thời hạn.", "conflict", "high", "amend", "", "", symbol, "Điều 5"],
            ["Văn bản không có thật", "Viện dẫn sai.", "gap", "low", "amend", "", "", "999/2099/NĐ-CP", "Điều 1"],
        ]);

        var (_, page) = await reporter.Open("/desk/imports");
        using var template = await reporter.Http.GetAsync("/desk/imports/template.xlsx");
        using var refused = await Upload(reporter, sheet, partial: false);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        using var partial = await Upload(reporter, sheet, partial: true);
        var partialPage = await partial.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("href=\"/desk/imports/template.xlsx\""));
            Assert.That(template.Content.Headers.ContentType!.MediaType, Does.Contain("spreadsheetml"));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(refusedPage, Does.Contain("<td class=\"num\">3</td>").And.Contain("999/2099/NĐ-CP"));
            Assert.That(partial.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(partialPage, Does.Contain("Đã nhập 1 trên 2 dòng.").And.Contain("/desk/obstacles/"));
        });
    }

    private static async Task<HttpResponseMessage> Upload(StaffBrowser reporter, byte[] sheet, bool partial)
    {
        var (_, page) = await reporter.Open("/desk/imports");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(StaffBrowser.TokenIn(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(sheet), "file", "vuong-mac.csv" },
        };
        if (partial)
        {
            form.Add(new StringContent("true"), "partial");
        }

        return await reporter.Http.PostAsync("/desk/imports", form);
    }
}
