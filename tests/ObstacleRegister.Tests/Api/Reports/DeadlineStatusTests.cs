using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Amendments;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Reports;

/// <summary>
/// The Government Office's four statuses in the week of 2026-03-02 to 03-08, read on Thursday 03-05: one amendment and
/// one answer of each kind, due in the week, plus work due outside it; and the answer times of the week.
/// </summary>
public sealed class DeadlineStatusTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    [Test]
    public async Task TheWeeksWork_IsCountedDoneOnTimeDoneLateOpenWithinItsDeadlineOrOverdue_ForAmendmentsAndAnswers()
    {
        var (reportingA, reportingB) = await AnswersOfEachKind();
        await AmendmentsOfEachKind();
        SetLocalTime("2026-03-05T16:00:00");

        var report = await Coordinator.Http.GetAsync("/api/v1/reports/progress?period=week").ExpectJson(200);
        var byUnit = report["units"]!.AsArray().ToDictionary(u => u!.Str("unitId"), u => u!["deadlineStatus"]!["answers"]!);
        var csv = await Csv("/api/v1/reports/progress?period=week");
        var site = await Csv("/data/progress/comparison.csv");

        Assert.Multiple(() =>
        {
            Assert.That(Four(report["deadlineStatus"]!["amendments"]!), Is.EqualTo(new[] { 1, 1, 1, 1 }), "issued by 03-03, issued 03-05 for 03-04, open for 03-06, open for 03-04");
            Assert.That(Four(report["deadlineStatus"]!["answers"]!), Is.EqualTo(new[] { 2, 1, 1, 1 }), "accepted and asked in time, rejected late, one waiting in time, one late");
            Assert.That(Four(byUnit[reportingA]), Is.EqualTo(new[] { 1, 1, 0, 0 }));
            Assert.That(Four(byUnit[reportingB]), Is.EqualTo(new[] { 1, 0, 1, 1 }));
            Assert.That(report["answerTime"]!["answered"]!.GetValue<int>(), Is.EqualTo(2), "answers given in the week: the acceptance and the rejection");
            Assert.That(report["answerTime"]!["medianDaysToAnswer"]!.GetValue<double>(), Is.EqualTo(15), "14 and 16 days");
            Assert.That(report["answerTime"]!["answeredWithinDeadline"]!.GetValue<double>(), Is.EqualTo(0.5));
            Assert.That(report["answerTimes"]!.AsArray().Select(u => u!["answers"]!["answered"]!.GetValue<int>()), Is.EqualTo(new[] { 2 }), "one coordinating unit");
            Assert.That(csv.SkipWhile(l => !l.StartsWith("scope,answering_unit_id", StringComparison.Ordinal)).ElementAt(1), Is.EqualTo("register,,,,2,15,0.5"));
            Assert.That(csv[1], Does.EndWith(",1,1,1,1,2,1,1,1,0"), "the register's row ends with the eight deadline figures, then what is at risk");
            Assert.That(site.Single(l => l.StartsWith("answers_due_overdue,", StringComparison.Ordinal)), Does.StartWith("answers_due_overdue,1,"), "the public progress page, this week");
        });
    }

    /// <summary>
    /// Reports answered by the coordinators: due 15 days after submission. A's: accepted a day early, rejected a day late.
    /// B's: one asked a question in time, one waiting and due 03-06, one waiting since it was due 03-04.
    /// </summary>
    private async Task<(string A, string B)> AnswersOfEachKind()
    {
        async Task<string> SubmittedOn(KeyedClient reporter, string day)
        {
            SetLocalTime($"{day}T09:00:00");
            return (await Submit(reporter, Obstacle(regulationId: CircularId))).Str("id");
        }

        var early = await SubmittedOn(ReporterA, "2026-02-16");
        var late = await SubmittedOn(ReporterA, "2026-02-17");
        var waitingLate = await SubmittedOn(ReporterB, "2026-02-17");
        var asked = await SubmittedOn(ReporterB, "2026-02-18");
        await SubmittedOn(ReporterB, "2026-02-19");
        SetLocalTime("2026-02-20T10:00:00");
        await Send(Coordinator.Http, $"/api/v1/obstacles/{asked}/request-information", new JsonObject { ["question"] = "Đề nghị bổ sung?" });
        SetLocalTime("2026-03-02T10:00:00");
        await Transition(Coordinator.Http, early, "accept");
        SetLocalTime("2026-03-05T10:00:00");
        await Transition(Coordinator.Http, late, "reject", Reason("Không phải vướng mắc."));
        Assert.That(await ObstacleStatus(waitingLate), Is.EqualTo("submitted"));
        return (ReporterA.UnitId.ToString(), ReporterB.UnitId.ToString());
    }

    /// <summary>Opened on 03-02 for obstacles accepted on 02-24: due 03-03 and issued that day, due 03-04 and issued 03-05, due 03-06 and 03-04 and open, due 03-20 (another week).</summary>
    private async Task AmendmentsOfEachKind()
    {
        // Their obstacles were answered the week before, so the week's answers are only those above.
        SetLocalTime("2026-02-24T11:00:00");
        var accepted = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            accepted.Add(await AcceptedObstacle(ReporterA));
        }

        SetLocalTime("2026-03-02T11:00:00");
        var opened = new List<string>();
        foreach (var (obstacle, due) in accepted.Zip(new[] { "2026-03-03", "2026-03-04", "2026-03-06", "2026-03-04", "2026-03-20" }))
        {
            var body = OpenBody(obstacle);
            body["dueOn"] = due;
            opened.Add((await Open(body)).Str("id"));
        }

        foreach (var (id, issuedOn) in new[] { (opened[0], "2026-03-03"), (opened[1], "2026-03-05") })
        {
            SetLocalTime($"{issuedOn}T09:00:00");
            await AdvanceTo(id, "submitted");
            await Issue(id, IssueBody(NewCircularSymbol(), issuedOn, "2026-04-01"));
        }
    }

    private static int[] Four(JsonNode status) =>
        [.. new[] { "doneOnTime", "doneLate", "openWithinDeadline", "overdue" }.Select(k => status[k]!.GetValue<int>())];

    private async Task<string[]> Csv(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await Coordinator.Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), path);
        return Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n");
    }
}
