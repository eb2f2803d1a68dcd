using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Obstacles;

/// <summary>
/// The coordinators' answer has a day: 15 register days after a report is submitted, counted again from the reporting
/// unit's answer to a question; none while the unit is asked, nor once the report is answered. Today is 2026-03-02.
/// </summary>
public sealed class AnswerClockTests(DatabaseProvider provider) : ObstacleTest(provider)
{
    [Test]
    public async Task TheAnswerIsDue_FifteenDaysAfterSubmission_AndAgainAfterTheUnitsAnswerToAQuestion()
    {
        var id = (await Submit(ReporterA, Obstacle(regulationId: DecreeId))).Str("id");
        var submitted = await AnswerDueOn(id);

        Clock.Now = Clock.Now.AddDays(3);
        await Send(Coordinator.Http, $"/api/v1/obstacles/{id}/request-information", new JsonObject { ["question"] = "Xin bổ sung số liệu?" }, "\"1\"");
        var asked = await AnswerDueOn(id);
        Clock.Now = Clock.Now.AddDays(5);
        await ReporterA.Http.PostJson($"/api/v1/obstacles/{id}/comments", new JsonObject { ["text"] = "Khoảng 120 hồ sơ mỗi tháng." }).ExpectJson(201);
        var answered = await AnswerDueOn(id);
        var forAnotherUnit = (await ReporterB.Http.GetAsync($"/api/v1/obstacles/{id}").ExpectJson(200))["answerDueOn"];
        await Transition(Coordinator.Http, id, "accept");
        var accepted = await AnswerDueOn(id);

        Assert.Multiple(() =>
        {
            Assert.That(submitted, Is.EqualTo("2026-03-17"));
            Assert.That(asked, Is.Null, "the unit's turn: the coordinators' clock waits");
            Assert.That(answered, Is.EqualTo("2026-03-25"), "counted again from the unit's answer on 2026-03-10");
            Assert.That(forAnotherUnit?.GetValue<string>(), Is.EqualTo("2026-03-25"), "a date, not a private field");
            Assert.That(accepted, Is.Null);
        });
    }

    private async Task<string?> AnswerDueOn(string id) =>
        (await ReporterA.Http.GetAsync($"/api/v1/obstacles/{id}").ExpectJson(200))["answerDueOn"]?.GetValue<string>();
}
