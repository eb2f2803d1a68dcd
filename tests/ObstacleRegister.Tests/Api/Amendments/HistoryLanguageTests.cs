using System.Net.Http.Headers;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>What the register writes in an obstacle's history is stored as a code with parameters and read in the reader's language.</summary>
public sealed class HistoryLanguageTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    [Test]
    public async Task TheRegistersOwnSteps_ReadInVietnameseOrEnglish_WithTheirCodes()
    {
        var cancelledOne = await AcceptedObstacle(ReporterA, "Thủ tục cấp lại giấy phép");
        var resolvedOne = await AcceptedObstacle(ReporterB);
        var cancelled = (await Open(OpenBody(cancelledOne))).Str("id");
        await Send(Coordinator.Http, $"/api/v1/amendments/{cancelled}/cancel", Reason("Đã có văn bản khác điều chỉnh."));
        var amendment = await SubmittedAmendment(resolvedOne);
        var symbol = NewCircularSymbol();
        await Issue(amendment, IssueBody(symbol));

        var (vi, en) = (await History(resolvedOne, "vi"), await History(resolvedOne, "en"));
        var released = await History(cancelledOne, "vi");

        Assert.Multiple(() =>
        {
            Assert.That(vi.Select(e => e.Code), Is.EqualTo(new[] { null, null, "taken_on", "document_in_force" }));
            Assert.That(vi[2].Reason, Is.EqualTo("Được tiếp nhận xử lý trong nhiệm vụ sửa đổi \"Sửa đổi Điều 5 về thời hạn cấp phép\"."));
            Assert.That(vi[3].Reason, Is.EqualTo($"{symbol} có hiệu lực từ ngày 2026-03-02 (nhiệm vụ sửa đổi \"Sửa đổi Điều 5 về thời hạn cấp phép\")."));
            Assert.That(en[3].Reason, Is.EqualTo($"{symbol} took effect on 2026-03-02 (amendment \"Sửa đổi Điều 5 về thời hạn cấp phép\")."));
            Assert.That(released[^1].Code, Is.EqualTo("amendment_cancelled"));
            Assert.That(released[^1].Reason, Is.EqualTo("Nhiệm vụ sửa đổi \"Sửa đổi Điều 5 về thời hạn cấp phép\" đã bị hủy: Đã có văn bản khác điều chỉnh."));
        });
    }

    private async Task<List<(string? Code, string? Reason)>> History(string obstacleId, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/obstacles/{obstacleId}/history");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        using var response = await Coordinator.Http.SendAsync(request);
        var page = await response.ExpectJson(200);
        return [.. page["items"]!.AsArray().Select(e => (e!["reasonCode"]?.GetValue<string>(), e["reason"]?.GetValue<string>()))];
    }
}
