using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Obstacles;

/// <summary>A filled sheet's rows through the same rules as one obstacle at a time: written all or nothing, or in part.</summary>
public sealed class ImportTests(DatabaseProvider provider) : ImportTest(provider)
{
    [Test]
    public async Task AFilledTemplate_ImportsEveryRow_AsTheIntakeWould()
    {
        var existing = (await Submit(ReporterB, Obstacle(title: "Thời hạn cấp phép không thống nhất", provision: "Điều 7"))).Str("id");
        var symbol = await SymbolOf(DecreeId);
        var template = await (await Get(ReporterA.Http, "/api/v1/obstacles/import-template", "vi")).Content.ReadAsByteArrayAsync();
        var sheet = Spreadsheets.Fill(template,
        [
            ["Hồ sơ cấp phép phải nộp bản giấy", "Thông tư yêu cầu bản giấy dù đã có dịch vụ công trực tuyến.", "Thủ tục rườm rà", "Cao", "Sửa đổi",
                "Doanh nghiệp mất thêm 5 ngày.", "Trần Thị B, 024 3822 0000", Circular.Replace("TT-BTTTT", "tt-btttt"), "Điều 3, khoản 1"],
            ["Thời hạn cấp phép mâu thuẫn", "Nghị định và thông tư quy định hai thời hạn khác nhau.", "conflict", "medium", "amend", null, null,
                Undiacritic(symbol), "Điều 7", Circular, "Điều 4"],
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
            Assert.That(first["regulations"]![0]!.Str("symbol"), Is.EqualTo(Circular), "the symbol typed in lower case finds the circular");
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

}
