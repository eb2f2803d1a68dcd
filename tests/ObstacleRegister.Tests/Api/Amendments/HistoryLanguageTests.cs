using System.Net.Http.Headers;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>What the register writes in an obstacle's or an amendment's history is stored as a code with parameters and read in the reader's language.</summary>
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

    [Test]
    public async Task AnAmendmentsIssuanceEntryIntoForceAndDeadlines_ReadInVietnameseOrEnglish()
    {
        var id = await SubmittedAmendment(await AcceptedObstacle(ReporterA));
        await Send(Coordinator.Http, $"/api/v1/amendments/{id}/deadline", new System.Text.Json.Nodes.JsonObject { ["dueOn"] = "2026-05-29", ["reason"] = "Chờ ý kiến Bộ Tư pháp." });
        var symbol = NewCircularSymbol();
        await Issue(id, IssueBody(symbol));

        var (vi, en) = (await Read($"/api/v1/amendments/{id}/history", "vi"), await Read($"/api/v1/amendments/{id}/history", "en"));
        var amendment = await Read($"/api/v1/amendments/{id}", "vi");
        List<(string? Code, string? Detail)> Entries(System.Text.Json.Nodes.JsonNode page) =>
            [.. page["items"]!.AsArray().Select(e => (e!["detailCode"]?.GetValue<string>(), e["detail"]?.GetValue<string>())).Where(e => e.Item1 is not null)];

        Assert.Multiple(() =>
        {
            // Issuance and entry into force share one instant on the test clock: their order within it is not asserted.
            Assert.That(Entries(vi), Is.EquivalentTo(new (string?, string?)[]
            {
                ("deadline_moved", "Hạn 2026-04-30 → 2026-05-29: Chờ ý kiến Bộ Tư pháp."),
                ("issued", $"{symbol} được ban hành ngày 2026-03-02, có hiệu lực từ ngày 2026-03-02."),
                ("entered_into_force", $"{symbol} có hiệu lực từ ngày 2026-03-02."),
            }));
            Assert.That(Entries(en).Select(e => e.Detail), Is.EquivalentTo(new[]
            {
                "Due 2026-04-30 → 2026-05-29: Chờ ý kiến Bộ Tư pháp.", $"{symbol} issued on 2026-03-02, effective 2026-03-02.", $"{symbol} took effect on 2026-03-02.",
            }));
            Assert.That(amendment["deadlines"]![0]!.Str("reason"), Is.EqualTo("Đặt khi giao nhiệm vụ sửa đổi."));
        });
    }

    private async Task<List<(string? Code, string? Reason)>> History(string obstacleId, string language)
    {
        var page = await Read($"/api/v1/obstacles/{obstacleId}/history", language);
        return [.. page["items"]!.AsArray().Select(e => (e!["reasonCode"]?.GetValue<string>(), e["reason"]?.GetValue<string>()))];
    }

    private async Task<System.Text.Json.Nodes.JsonNode> Read(string path, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        using var response = await Coordinator.Http.SendAsync(request);
        return await response.ExpectJson(200);
    }
}
