using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Obstacles;

/// <summary>The template to fill in, the files an import refuses, and who may import.</summary>
public sealed class ImportFileTests(DatabaseProvider provider) : ImportTest(provider)
{
    [Test]
    public async Task TheTemplate_SpeaksTheReadersLanguage_WithDropDownListsAndTextColumns()
    {
        using var vi = await Get(ReporterA.Http, "/api/v1/obstacles/import-template", "vi");
        var xlsx = await vi.Content.ReadAsByteArrayAsync();
        using var csvResponse = await Get(ReporterA.Http, "/api/v1/obstacles/import-template?format=csv", "en");
        var csv = await csvResponse.Content.ReadAsByteArrayAsync();
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        var main = (WorksheetPart)workbook.GetPartById(sheets[0].Id!);
        var header = main.Worksheet.Descendants<Row>().First().Elements<Cell>().Select(c => c.InlineString!.InnerText).ToList();
        var validations = main.Worksheet.Descendants<DataValidation>().ToList();
        var lists = ((WorksheetPart)workbook.GetPartById(sheets[1].Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().First().InlineString!.InnerText).ToList();
        var textColumns = main.Worksheet.Descendants<Column>().Where(c => c.Style?.Value == 2).Select(c => c.Min!.Value).ToList();
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;

        Assert.Multiple(() =>
        {
            Assert.That(vi.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
            Assert.That(vi.Content.Headers.ContentDisposition!.FileNameStar, Is.EqualTo("mau-nhap-vuong-mac.xlsx"));
            Assert.That(sheets.Select(s => s.Name!.Value), Is.EqualTo(new[] { "Vướng mắc", "Danh mục", "Hướng dẫn" }));
            Assert.That(header, Is.EqualTo(new[]
            {
                "Tiêu đề", "Mô tả vướng mắc", "Loại vướng mắc", "Mức độ", "Đề xuất xử lý", "Tác động", "Người liên hệ",
                "Số hiệu văn bản 1", "Điều, khoản 1", "Số hiệu văn bản 2", "Điều, khoản 2", "Số hiệu văn bản 3", "Điều, khoản 3",
            }));
            Assert.That(validations.Select(v => v.SequenceOfReferences!.InnerText), Is.EqualTo(new[] { "C2:C5001", "D2:D5001", "E2:E5001" }));
            Assert.That(validations.Select(v => v.Formula1!.Text), Is.EqualTo(new[]
            {
                "'Danh mục'!$A$2:$A$10", "'Danh mục'!$B$2:$B$5", "'Danh mục'!$C$2:$C$8",
            }), "each list covers exactly its allowed values");
            Assert.That(lists, Is.EqualTo(new[] { "Loại vướng mắc", "Mâu thuẫn", "Chồng chéo", "Không rõ ràng", "Không khả thi", "Khoảng trống pháp lý", "Lạc hậu", "Thủ tục rườm rà", "Thiếu hướng dẫn", "Khác" }));
            Assert.That(textColumns, Is.EqualTo(new uint[] { 8, 9, 10, 11, 12, 13 }), "symbols and provisions are text, never dates");
            Assert.That(stylesheet.CellFormats!.Elements<CellFormat>().ElementAt(2).NumberFormatId!.Value, Is.EqualTo(49u));
            Assert.That(csv.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
            Assert.That(Encoding.UTF8.GetString(csv, 3, csv.Length - 3), Does.StartWith("Title,Description,Category,Severity,Proposed remedy,Impact,Contact,Regulation symbol 1,Provision 1,"));
            Assert.That(csvResponse.Headers.Vary, Does.Contain("Accept-Language"));
        });
    }


    [Test]
    public async Task HostileAndWrongFiles_AreRefusedClearly_AndLeaveNothing()
    {
        var symbol = await SymbolOf(DecreeId);
        var good = Good(symbol);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n");
        var legacy = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 };
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("title,description\r\n")).ToArray();
        var windows1258 = Encoding.Latin1.GetBytes("title,description\r\nQuy \u00f0\u00ec\u00f1h,x\r\n");
        var formula = Spreadsheets.Xlsx([EnglishHeader, good], "A2");
        var tooMany = Spreadsheets.Csv([EnglishHeader, .. Enumerable.Repeat(good, 5001)]);
        var unknownColumn = Spreadsheets.Csv([[.. EnglishHeader, "ghi chú"], good]);
        var missingColumn = Spreadsheets.Csv([EnglishHeader[..8], good[..8]]);
        var unclosed = Encoding.UTF8.GetBytes("title,description\r\n\"Quy định,x\r\n");
        var hugeCell = Spreadsheets.Csv([EnglishHeader, [good[0], new string('x', 40_000), .. good[2..]]]);

        var asPdf = await Import(ReporterA.Http, pdf, "bang.xlsx").ExpectProblem(415);
        var asXls = await Import(ReporterA.Http, legacy, "bang.xls").ExpectProblem(415);
        var asUtf16 = await Import(ReporterA.Http, utf16, "bang.csv").ExpectProblem(415);
        var asAnsi = await Import(ReporterA.Http, windows1258, "bang.csv").ExpectProblem(415);
        var bomb = await Import(ReporterA.Http, Spreadsheets.Bomb(200L * 1024 * 1024), "bang.xlsx").ExpectProblem(413);
        await Import(ReporterA.Http, [.. new byte[(10 * 1024 * 1024) + 1]], "bang.csv").ExpectProblem(413);
        var withFormula = await Import(ReporterA.Http, formula, "bang.xlsx").ExpectProblem(400, "rows[2].title");
        var rows = await Import(ReporterA.Http, tooMany, "bang.csv").ExpectProblem(400, "file");
        var unknown = await Import(ReporterA.Http, unknownColumn, "bang.csv").ExpectProblem(400, "file");
        var missing = await Import(ReporterA.Http, missingColumn, "bang.csv").ExpectProblem(400, "file");
        var malformed = await Import(ReporterA.Http, unclosed, "bang.csv").ExpectProblem(400, "file");
        var huge = await Import(ReporterA.Http, hugeCell, "bang.csv").ExpectProblem(400, "file");
        await Import(ReporterA.Http, Spreadsheets.Csv([EnglishHeader]), "bang.csv").ExpectProblem(400, "file");
        await Import(ReporterA.Http, [], "bang.csv").ExpectProblem(400, "file");
        using var json = await ReporterA.Http.PostAsync("/api/v1/obstacles/imports", RawJson("{\"file\":\"dGl0bGU=\"}"));
        var mine = await ReporterA.Http.GetAsync($"/api/v1/obstacles?unitId={ReporterA.UnitId}").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(asPdf.Str("detail"), Does.Contain("XLSX"));
            Assert.That(asXls.Str("detail"), Does.Contain("97–2003"));
            Assert.That(asUtf16.Str("detail"), Does.Contain("UTF-8"));
            Assert.That(asAnsi.Str("detail"), Does.Contain("UTF-8"));
            Assert.That(bomb.Str("detail"), Does.Contain("128 MB"));
            Assert.That(withFormula["rowErrors"]![0]!.Str("reason"), Does.Contain("formula"));
            Assert.That(rows["errors"]!["file"]![0]!.GetValue<string>(), Does.Contain("5000"));
            Assert.That(unknown["errors"]!["file"]![0]!.GetValue<string>(), Does.Contain("'ghi chú'"));
            Assert.That(missing["errors"]!["file"]![0]!.GetValue<string>(), Does.Contain("Provision 1"));
            Assert.That(malformed["errors"]!["file"]![0]!.GetValue<string>(), Does.Contain("malformed"));
            Assert.That(huge["errors"]!["file"]![0]!.GetValue<string>(), Does.Contain("32767"));
            Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
            Assert.That(mine["items"]!.AsArray(), Is.Empty, "no refused file wrote anything");
        });
    }

    [Test]
    public async Task OnlyReporters_Import_ForTheirOwnUnit()
    {
        var symbol = await SymbolOf(DecreeId);
        var csv = Spreadsheets.Csv([EnglishHeader, Good(symbol)]);
        var drafter = await CreateKey(ReporterA.UnitId, "drafter");
        using var anonymous = Factory.CreateClient();

        using var byCoordinator = await Import(Coordinator.Http, csv, "a.csv");
        using var byDrafter = await Import(drafter.Http, csv, "a.csv");
        using var byNobody = await Import(anonymous, csv, "a.csv");
        using var template = await anonymous.GetAsync("/api/v1/obstacles/import-template");
        var report = await Import(ReporterB.Http, csv, "a.csv").ExpectJson(200);
        var created = await ReporterB.Http.GetAsync($"/api/v1/obstacles/{report["created"]![0]!.Str("id")}").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(byCoordinator.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(byDrafter.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(byNobody.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(template.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(created.Str("unitId"), Is.EqualTo(ReporterB.UnitId.ToString()));
        });
    }
}
