using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Obstacles;

/// <summary>Spreadsheet intake: the template, then a filled sheet through the same rules as one obstacle at a time.</summary>
public sealed class ImportTests(DatabaseProvider provider) : ObstacleTest(provider)
{
    private static readonly string[] EnglishHeader =
        ["title", "description", "category", "severity", "proposal", "impact", "contact", "regulation_1", "provision_1", "regulation_2", "provision_2"];

    private string circular = "";

    [SetUp]
    public async Task RegisterCircular()
    {
        circular = $"{Unique()}/2024/TT-BTTTT";
        await Coordinator.Http.PostJson("/api/v1/regulations", new JsonObject
        {
            ["symbol"] = circular, ["type"] = "circular", ["title"] = "Thông tư hướng dẫn cấp phép", ["issuer"] = "Bộ Thông tin và Truyền thông",
            ["issuedOn"] = "2024-02-01",
        }).ExpectJson(201);
    }

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
    public async Task AFilledTemplate_ImportsEveryRow_AsTheIntakeWould()
    {
        var existing = (await Submit(ReporterB, Obstacle(title: "Thời hạn cấp phép không thống nhất", provision: "Điều 7"))).Str("id");
        var symbol = await SymbolOf(DecreeId);
        var template = await (await Get(ReporterA.Http, "/api/v1/obstacles/import-template", "vi")).Content.ReadAsByteArrayAsync();
        var sheet = Spreadsheets.Fill(template,
        [
            ["Hồ sơ cấp phép phải nộp bản giấy", "Thông tư yêu cầu bản giấy dù đã có dịch vụ công trực tuyến.", "Thủ tục rườm rà", "Cao", "Sửa đổi",
                "Doanh nghiệp mất thêm 5 ngày.", "Trần Thị B, 024 3822 0000", circular.Replace("TT-BTTTT", "tt-btttt"), "Điều 3, khoản 1"],
            ["Thời hạn cấp phép mâu thuẫn", "Nghị định và thông tư quy định hai thời hạn khác nhau.", "conflict", "medium", "amend", null, null,
                Undiacritic(symbol), "Điều 7", circular, "Điều 4"],
            ["  Thiếu hướng dẫn về phí  ", "Chưa có văn bản hướng dẫn mức phí.", "thieu huong dan", "thap", "ban hanh huong dan", null, null,
                symbol, "Điều 9, khoản 2, điểm a"],
        ]);

        var report = await Import(ReporterA.Http, sheet, "mau.xlsx").ExpectJson(200);
        var created = report["created"]!.AsArray();
        var first = await ReporterA.Http.GetAsync($"/api/v1/obstacles/{created[0]!.Str("id")}").ExpectJson(200);
        var second = await ReporterA.Http.GetAsync($"/api/v1/obstacles/{created[1]!.Str("id")}").ExpectJson(200);
        var third = await ReporterA.Http.GetAsync($"/api/v1/obstacles/{created[2]!.Str("id")}").ExpectJson(200);
        var history = await ReporterA.Http.GetAsync($"/api/v1/obstacles/{created[0]!.Str("id")}/history").ExpectJson(200);
        var found = await ReporterA.Http.GetAsync("/api/v1/obstacles?q=ban%20giay").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(report["rows"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(report["imported"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(report["rejected"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(created.Select(c => c!["row"]!.GetValue<int>()), Is.EqualTo(new[] { 2, 3, 4 }));
            Assert.That(created.Select(c => c!.Str("reference")).Distinct().Count(), Is.EqualTo(3));
            Assert.That(first.Str("category"), Is.EqualTo("procedure_burden"));
            Assert.That(first.Str("severity"), Is.EqualTo("high"));
            Assert.That(first.Str("contact"), Is.EqualTo("Trần Thị B, 024 3822 0000"));
            Assert.That(first.Str("unitId"), Is.EqualTo(ReporterA.UnitId.ToString()));
            Assert.That(first["regulations"]![0]!.Str("symbol"), Is.EqualTo(circular), "the symbol typed in lower case finds the circular");
            Assert.That(second["regulations"]!.AsArray().Select(r => r!.Str("provision")), Is.EqualTo(new[] { "Điều 7", "Điều 4" }));
            Assert.That(second["regulations"]![0]!.Str("symbol"), Is.EqualTo(symbol), "the symbol typed without diacritics finds the decree");
            Assert.That(created[1]!["likelyDuplicates"]!.AsArray().Select(h => h!.Str("id")), Does.Contain(existing));
            Assert.That(third.Str("title"), Is.EqualTo("Thiếu hướng dẫn về phí"), "trimmed, as the intake trims");
            Assert.That(third.Str("proposal"), Is.EqualTo("new_guidance"));
            Assert.That(third.Str("severity"), Is.EqualTo("low"));
            Assert.That(history["items"]![0]!.Str("action"), Is.EqualTo("submitted"));
            Assert.That(found["items"]!.AsArray().Select(i => i!.Str("id")), Does.Contain(created[0]!.Str("id")));
        });
    }

    [Test]
    public async Task HintsOfASheet_AreTheHintsEachRowWouldGetAlone()
    {
        string[] titles =
        [
            "Quy định chồng chéo về cấp phép viễn thông", "Chồng chéo về cấp phép viễn thông giữa hai nghị định",
            "Thủ tục cấp phép viễn thông rườm rà", "Cấp phép viễn thông chồng chéo về thời hạn", "Quy định chồng chéo về cấp phép xây dựng",
            "Thời hạn cấp phép viễn thông không thống nhất", "Chưa có hướng dẫn về phí cấp phép",
        ];
        var existing = new List<string>();
        foreach (var (title, i) in titles.Select((t, i) => (t, i)))
        {
            existing.Add((await Submit(i % 2 == 0 ? ReporterA : ReporterB, Obstacle(title: title, provision: $"Điều {(i % 3) + 5}"))).Str("id"));
        }

        await Transition(ReporterA.Http, existing[2], "withdraw");
        await using var scope = Factory.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<MediatR.IMediator>();
        var regulationId = Guid.Parse(DecreeId);
        var candidates = new[] { "Quy định chồng chéo về cấp phép viễn thông di động", "Cấp phép viễn thông chồng chéo", "Phí cấp phép", "Về cấp phép xây dựng chồng chéo" }
            .Select((title, i) => new ObstacleRegister.Obstacles.Submit.NewObstacle(
                title, "Mô tả.", ObstacleRegister.Obstacles.Contracts.ObstacleCategory.Overlap, ObstacleRegister.Obstacles.Contracts.ObstacleSeverity.High,
                ObstacleRegister.Obstacles.Contracts.RemedyRoute.Amend, null, null, [new(regulationId, $"Điều {i + 5}", i + 5)]))
            .ToList();

        var together = await mediator.Send(new ObstacleRegister.Obstacles.Submit.SuggestDuplicatesOfMany(candidates));
        var alone = new List<IReadOnlyList<ObstacleRegister.Obstacles.Submit.DuplicateHint>>();
        foreach (var candidate in candidates)
        {
            alone.Add(await mediator.Send(new ObstacleRegister.Obstacles.Submit.SuggestDuplicates(candidate)));
        }

        Assert.Multiple(() =>
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                Assert.That(together[i], Is.EquivalentTo(alone[i]), candidates[i].Title);
            }

            Assert.That(alone.SelectMany(h => h).Count(h => h.Reason == "similar_text"), Is.GreaterThan(3), "the titles do find each other");
            Assert.That(alone.SelectMany(h => h).Select(h => h.CandidateId.ToString()), Does.Not.Contain(existing[2]), "withdrawn ones are left out");
        });
    }

    [Test]
    public async Task OneBadRow_LeavesTheWholeSheetOut_NamingRowColumnAndReason_InVietnamese()
    {
        var symbol = await SymbolOf(DecreeId);
        var csv = Spreadsheets.Csv(
        [
            EnglishHeader,
            Good(symbol),
            ["Văn bản không có thật", "Viện dẫn số hiệu không tồn tại.", "overlap", "high", "amend", "", "", "999/2099/NĐ-CP", "Điều 1"],
            ["Loại không có trong danh mục", "Mô tả.", "kỳ lạ", "high", "amend", "", "", symbol, "Điều 2"],
            ["", "Thiếu tiêu đề, điều khoản không nêu điều.", "gap", "low", "repeal", "", "", symbol, "khoản 2"],
            ["Ô tiếp theo trống", "Có điều khoản nhưng không có số hiệu ở cặp thứ hai.", "gap", "low", "repeal", "", "", symbol, "Điều 3", "", "Điều 4"],
        ]);

        using var request = ImportRequest(csv, "vuong-mac.csv");
        request.Headers.AcceptLanguage.ParseAdd("vi");
        using var response = await ReporterA.Http.SendAsync(request);
        var problem = await response.ExpectJson(400);
        var rowErrors = problem["rowErrors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e.Str("column"), e.Str("header"), e.Str("reason"))).ToList();
        var mine = await ReporterA.Http.GetAsync($"/api/v1/obstacles?unitId={ReporterA.UnitId}").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(problem.Str("detail"), Does.StartWith("4 trên 5 dòng có lỗi nên chưa nhập dòng nào"));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[]
            {
                "rows[3].regulation_1", "rows[4].category", "rows[5].title", "rows[5].provision_1", "rows[6].regulation_2",
            }));
            Assert.That(rowErrors, Does.Contain((3, "regulation_1", "Số hiệu văn bản 1", "'Số hiệu văn bản 1': không có văn bản nào trong hệ thống mang số hiệu '999/2099/NĐ-CP'.")));
            Assert.That(rowErrors.Single(e => e.Item1 == 4).Item4, Does.StartWith("'Loại vướng mắc': 'kỳ lạ' không có trong danh mục; chọn một trong: Mâu thuẫn, Chồng chéo"));
            Assert.That(rowErrors.Single(e => e.Item2 == "title").Item4, Is.EqualTo("'Tiêu đề' là bắt buộc."));
            Assert.That(rowErrors.Single(e => e.Item2 == "provision_1").Item4, Does.StartWith("'Điều, khoản 1' phải nêu ít nhất số điều"));
            Assert.That(rowErrors.Single(e => e.Item2 == "regulation_2").Item4, Is.EqualTo("'Số hiệu văn bản 2' là bắt buộc."));
            Assert.That(mine["items"]!.AsArray(), Is.Empty, "the good row was not written either");
        });
    }

    [Test]
    public async Task PartialImport_WritesTheValidRows_AndReportsTheOthers()
    {
        var symbol = await SymbolOf(DecreeId);
        var csv = Spreadsheets.Csv(
        [
            EnglishHeader,
            Good(symbol),
            ["Văn bản không có thật", "Viện dẫn số hiệu không tồn tại.", "overlap", "high", "amend", "", "", "999/2099/NĐ-CP", "Điều 1"],
            ["Khoảng trống về phí", "Chưa quy định mức phí.", "gap", "low", "new_guidance", "", "", symbol, "Điều 8"],
        ], ';');

        var report = await Import(ReporterA.Http, csv, "vuong-mac.csv", "?partial=true").ExpectJson(200);
        var mine = await ReporterA.Http.GetAsync($"/api/v1/obstacles?unitId={ReporterA.UnitId}").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(report["partial"]!.GetValue<bool>(), Is.True);
            Assert.That(report["imported"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(report["rejected"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(report["created"]!.AsArray().Select(c => c!["row"]!.GetValue<int>()), Is.EqualTo(new[] { 2, 4 }));
            Assert.That(report["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e.Str("column"))), Is.EqualTo(new[] { (3, "regulation_1") }));
            Assert.That(mine["items"]!.AsArray().Select(i => i!.Str("title")), Is.EquivalentTo(new[] { "Quy định cấp phép chồng chéo", "Khoảng trống về phí" }));
        });
    }

    [Test]
    public async Task AnImportWithAnIdempotencyKey_IsWrittenOnce_AndTheKeyIsBoundToTheFile()
    {
        var symbol = await SymbolOf(DecreeId);
        var csv = Spreadsheets.Csv([EnglishHeader, Good(symbol)]);
        var other = Spreadsheets.Csv([EnglishHeader, ["Một vướng mắc khác", "Mô tả khác.", "gap", "low", "amend", "", "", symbol, "Điều 6"]]);

        using var first = await ReporterA.Http.SendAsync(ImportRequest(csv, "a.csv", key: "import-2026-12-02"));
        using var again = await ReporterA.Http.SendAsync(ImportRequest(csv, "a.csv", key: "import-2026-12-02"));
        using var otherFile = await ReporterA.Http.SendAsync(ImportRequest(other, "a.csv", key: "import-2026-12-02"));
        using var otherQuery = await ReporterA.Http.SendAsync(ImportRequest(csv, "a.csv", "?partial=true", "import-2026-12-02"));
        var mine = await ReporterA.Http.GetAsync($"/api/v1/obstacles?unitId={ReporterA.UnitId}").ExpectJson(200);

        Assert.Multiple(async () =>
        {
            Assert.That(again.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
            Assert.That(await again.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
            Assert.That(otherFile.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), "another file under the same key");
            Assert.That(otherQuery.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), "another mode under the same key");
            Assert.That(mine["items"]!.AsArray(), Has.Count.EqualTo(1));
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

    /// <summary>A row every rule accepts, citing Article 5 of the regulation with that symbol.</summary>
    private static string?[] Good(string symbol) =>
        ["Quy định cấp phép chồng chéo", "Hai văn bản cùng điều chỉnh một thủ tục.", "overlap", "high", "amend", "", "", symbol, "Điều 5"];

    private async Task<string> SymbolOf(string regulationId) =>
        (await Coordinator.Http.GetAsync($"/api/v1/regulations/{regulationId}").ExpectJson(200)).Str("symbol");

    private static string Undiacritic(string symbol) => symbol.Replace("Đ", "D", StringComparison.Ordinal);

    private static async Task<HttpResponseMessage> Get(HttpClient client, string path, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return response;
    }

    private static Task<HttpResponseMessage> Import(HttpClient client, byte[] content, string name, string query = "") =>
        client.SendAsync(ImportRequest(content, name, query));

    private static HttpRequestMessage ImportRequest(byte[] content, string name, string query = "", string? key = null)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/obstacles/imports" + query) { Content = new MultipartFormDataContent { { file, "file", name } } };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }
}
