using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>A coordinator's question reaches the reporting unit by email too, in Vietnamese with English below, once.</summary>
public sealed class InformationRequestEmailTests(DatabaseProvider provider) : EmailTest(provider)
{
    [Test]
    public async Task AQuestion_IsEmailedToTheReportingUnitsContactAddress_WithTheQuestionAndWhereToAnswer()
    {
        var unit = await Admin.PostJson("/api/v1/units", new JsonObject
        {
            ["code"] = $"VPC{Unique()}", ["name"] = "Vụ Pháp chế", ["kind"] = "agency", ["contactEmail"] = UnitAddress,
        }).ExpectJson(201);
        var reporter = await CreateKey(Guid.Parse(unit.Str("id")), "reporter");
        var obstacle = await Submit(reporter, Obstacle(regulationId: CircularId));
        var id = obstacle.Str("id");

        await Send(Coordinator.Http, $"/api/v1/obstacles/{id}/request-information", new JsonObject { ["question"] = "Đề nghị gửi kèm văn bản của Sở." });
        var sent = await EmailRound();
        var again = await EmailRound();
        var message = Smtp.Received.Single();

        Assert.Multiple(() =>
        {
            Assert.That((sent, again), Is.EqualTo((1, 0)), "one email, never twice");
            Assert.That(Recipients(message), Is.EqualTo(UnitAddress));
            Assert.That(message.Subject, Is.EqualTo($"[Đề nghị bổ sung] {obstacle.Str("reference")}: cơ quan điều phối cần thêm thông tin"));
            Assert.That(message.TextBody, Does.Contain("Đề nghị gửi kèm văn bản của Sở.").And.Contain("The coordinating agency asks for more information"));
            Assert.That(message.TextBody, Does.Contain($"https://register.test/api/v1/obstacles/{id}/comments"));
        });
        reporter.Http.Dispose();
    }
}
