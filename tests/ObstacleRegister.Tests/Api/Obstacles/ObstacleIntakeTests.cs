using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Obstacles;

public sealed class ObstacleIntakeTests(DatabaseProvider provider) : ObstacleTest(provider)
{
    [Test]
    public async Task Submit_Returns201WithReferenceLocationETagAndTheKeysUnit()
    {
        using var response = await ReporterA.Http.PostJson("/api/v1/obstacles", Obstacle());

        var json = await response.ExpectJson(201);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/obstacles/{json.Str("id")}"));
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(json.Str("reference"), Does.Match(@"^VM-2026-\d{6}$"));
            Assert.That(json.Str("unitId"), Is.EqualTo(ReporterA.UnitId.ToString()));
            Assert.That(json.Str("status"), Is.EqualTo("submitted"));
            Assert.That(json.Str("visibility"), Is.EqualTo("full"));
            Assert.That(json.Str("contact"), Does.Contain("Nguyễn Văn A"));
            Assert.That(json["regulations"]![0]!["article"]!.GetValue<int>(), Is.EqualTo(5));
            Assert.That(json["regulations"]![0]!["clause"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(json["regulations"]![0]!.Str("symbol"), Does.EndWith("/2023/NĐ-CP"));
        });
    }

    [Test]
    public async Task Submit_NumbersReferencesInOrderWithinTheYear()
    {
        var first = await Submit(ReporterA);
        var second = await Submit(ReporterB);

        var number = (JsonNode n) => int.Parse(n.Str("reference")[^6..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(number(second), Is.EqualTo(number(first) + 1));
    }

    [Test]
    public async Task Submit_UsesTheRegisterTimeZoneForTheReferenceYear()
    {
        Clock.Now = new DateTimeOffset(2026, 12, 31, 18, 30, 0, TimeSpan.Zero);

        var json = await Submit(ReporterA);

        Assert.That(json.Str("reference"), Does.StartWith("VM-2027-"), "01:30 on 1 January in Hanoi");
    }

    [Test]
    public async Task Submit_WithUnitIdInBody_IsRejectedAsUnknownField()
    {
        var body = Obstacle();
        body["unitId"] = ReporterB.UnitId.ToString();

        await ReporterA.Http.PostJson("/api/v1/obstacles", body).ExpectProblem(400, "unitId");
    }

    [Test]
    public async Task Submit_CitingUnknownRegulation_Returns400NamingIt()
    {
        await ReporterA.Http.PostJson("/api/v1/obstacles", Obstacle(regulationId: Guid.NewGuid().ToString()))
            .ExpectProblem(400, "regulations[0].regulationId");
    }

    [TestCase("khoản 2")]
    [TestCase("toàn bộ văn bản")]
    public async Task Submit_ProvisionWithoutArticle_Returns400NamingIt(string provision)
    {
        await ReporterA.Http.PostJson("/api/v1/obstacles", Obstacle(provision: provision)).ExpectProblem(400, "regulations[0].provision");
    }

    [TestCase("Điều 12, khoản 3, điểm b", 12, 3, "b")]
    [TestCase("điểm c khoản 1 Điều 7", 7, 1, "c")]
    [TestCase("Article 9(4)(a)", 9, 4, "a")]
    [TestCase("Dieu 15", 15, null, null)]
    public async Task Submit_ReadsArticleClauseAndPoint(string provision, int article, int? clause, string? point)
    {
        var json = await Submit(ReporterA, Obstacle(provision: provision));

        var cited = json["regulations"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(cited["article"]!.GetValue<int>(), Is.EqualTo(article));
            Assert.That(cited["clause"]?.GetValue<int>(), Is.EqualTo(clause));
            Assert.That(cited["point"]?.GetValue<string>(), Is.EqualTo(point));
            Assert.That(cited.Str("provision"), Is.EqualTo(provision));
        });
    }

    [TestCase("title")]
    [TestCase("description")]
    [TestCase("category")]
    [TestCase("severity")]
    [TestCase("proposal")]
    [TestCase("regulations")]
    public async Task Submit_MissingRequiredField_Returns400NamingIt(string field)
    {
        var body = Obstacle();
        body.Remove(field);

        await ReporterA.Http.PostJson("/api/v1/obstacles", body).ExpectProblem(400, field);
    }

    [TestCase("title", 301)]
    [TestCase("description", 4001)]
    [TestCase("impact", 2001)]
    [TestCase("contact", 501)]
    public async Task Submit_OverlongText_Returns400NamingIt(string field, int length)
    {
        var body = Obstacle();
        body[field] = new string('x', length);

        await ReporterA.Http.PostJson("/api/v1/obstacles", body).ExpectProblem(400, field);
    }

    [TestCase("proposal", "abolish")]
    [TestCase("category", "annoying")]
    [TestCase("severity", "extreme")]
    public async Task Submit_UnknownEnumValue_Returns400NamingIt(string field, string value)
    {
        var body = Obstacle();
        body[field] = value;

        await ReporterA.Http.PostJson("/api/v1/obstacles", body).ExpectProblem(400, field);
    }

    [Test]
    public async Task Submit_ByCoordinator_Returns403()
    {
        await Coordinator.Http.PostJson("/api/v1/obstacles", Obstacle()).ExpectProblem(403);
    }

    [Test]
    public async Task Submit_SameProvisionAsAnother_ListsItAsLikelyDuplicate()
    {
        var first = await Submit(ReporterA, Obstacle("Thời hạn cấp phép quá dài", "Điều 5, khoản 1"));

        var second = await Submit(ReporterB, Obstacle("Hồ sơ đề nghị cấp phép phức tạp", "Điều 5, khoản 3"));

        var hints = second["likelyDuplicates"]!.AsArray();
        Assert.That(hints.Select(h => (h!.Str("id"), h!.Str("reason"))), Is.EqualTo(new[] { (first.Str("id"), "same_provision") }));
    }

    [Test]
    public async Task Submit_SimilarTitleWithoutDiacritics_ListsItAsLikelyDuplicate()
    {
        var first = await Submit(ReporterA, Obstacle("Quy định chồng chéo về thời hạn lưu trữ dữ liệu", "Điều 20"));
        await Search(ReporterB.Http, "/api/v1/obstacles?q=luu%20tru%20du%20lieu");

        var second = await Submit(ReporterB, Obstacle("Chong cheo ve thoi han luu tru du lieu", "Điều 31"));

        var hints = second["likelyDuplicates"]!.AsArray();
        Assert.That(hints.Select(h => (h!.Str("id"), h!.Str("reason"))), Does.Contain((first.Str("id"), "similar_text")));
    }

    [Test]
    public async Task Submit_UnrelatedObstacle_HasNoLikelyDuplicates()
    {
        await Submit(ReporterA, Obstacle("Thủ tục đăng ký kinh doanh rườm rà", "Điều 40"));

        var second = await Submit(ReporterB, Obstacle("Thiếu hướng dẫn về chữ ký số", "Điều 8"));

        Assert.That(second["likelyDuplicates"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task CoordinatorRead_ShowsTheLikelyDuplicatesToo()
    {
        var first = await Submit(ReporterA, Obstacle("Thời hạn cấp phép quá dài", "Điều 5"));
        var second = await Submit(ReporterB, Obstacle("Thời hạn cấp phép chưa hợp lý", "Điều 5"));

        var read = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{second.Str("id")}").ExpectJson(200);

        Assert.That(read["likelyDuplicates"]!.AsArray().Select(h => h!.Str("id")), Does.Contain(first.Str("id")));
    }

    [Test]
    public async Task Regulation_ShowsHowManyObstaclesCiteIt()
    {
        await Submit(ReporterA);
        var withdrawn = await Submit(ReporterB);
        await Transition(ReporterB.Http, withdrawn.Str("id"), "withdraw");

        var regulation = await Coordinator.Http.GetAsync($"/api/v1/regulations/{DecreeId}").ExpectJson(200);

        Assert.That(regulation["obstacleCount"]!.GetValue<int>(), Is.EqualTo(1));
    }
}
