using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>A unit's open deadlines as a calendar its people subscribe to: read with a real iCalendar parser.</summary>
public sealed class CalendarFeedTests(DatabaseProvider provider) : AmendmentTest(provider)
{
    [Test]
    public async Task Feed_ListsTheUnitsOpenDeadlines_FollowsAMovedDeadline_AndNeedsNoKey()
    {
        var due = (await Open(OpenBody(await AcceptedObstacle(ReporterA)))).Str("id");
        var other = await CreateKey("drafter");
        var foreign = OpenBody(await AcceptedObstacle(ReporterB));
        foreign["draftingUnitId"] = other.UnitId.ToString();
        var foreignId = (await Open(foreign)).Str("id");
        var created = await Drafter.Http.PostJson("/api/v1/calendar-feeds", new JsonObject { ["name"] = "Lịch Vụ Pháp chế" }).ExpectJson(201);
        var url = new Uri(created.Str("url"));

        var before = await Read(url);
        await Send(Coordinator.Http, $"/api/v1/amendments/{due}/deadline", new JsonObject { ["dueOn"] = "2026-06-30", ["reason"] = "Lùi theo chỉ đạo." });
        using var anonymous = Anonymous();
        using var response = await anonymous.GetAsync(url.PathAndQuery);
        var after = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/calendar"));
            Assert.That(response.Headers.CacheControl?.Private, Is.True, "the address is a secret: no shared cache keeps it");
            Assert.That(before.Events.Select(e => e.Uid), Is.EqualTo(new[] { $"amendment-{Guid.Parse(due):N}-due@obstacle-register" }), "not another unit's work");
            Assert.That(before.Events.Single().Summary, Is.EqualTo("Sửa đổi Điều 5 về thời hạn cấp phép"));
            Assert.That(before.Events.Single().DtStart!.Value, Is.EqualTo(new DateTime(2026, 4, 30)));
            Assert.That(before.Events.Single().DtStart!.HasTime, Is.False, "an all-day event");
            var moved = after.Events.Single();
            Assert.That(moved.Uid, Is.EqualTo(before.Events.Single().Uid), "the same event, moved");
            Assert.That(moved.DtStart!.Value, Is.EqualTo(new DateTime(2026, 6, 30)));
            Assert.That(moved.Sequence, Is.GreaterThan(before.Events.Single().Sequence));
            Assert.That(foreignId, Is.Not.Empty);
        });
        other.Http.Dispose();
    }

    [Test]
    public async Task PlannedStages_AreEventsUntilReached_InVietnameseOrEnglish()
    {
        var body = OpenBody(await AcceptedObstacle(ReporterA));
        body["plannedDates"] = new JsonObject { ["drafting"] = "2026-03-09", ["consultation"] = "2026-03-23" };
        var id = Guid.Parse((await Open(body)).Str("id"));
        var url = new Uri((await Drafter.Http.PostJson("/api/v1/calendar-feeds", new JsonObject()).ExpectJson(201)).Str("url"));

        var planned = await Read(url);
        await CheckIn(id.ToString(), "drafting");
        var drafting = await Read(url);
        var english = await Read(new Uri($"{url}?lang=en"));
        using var anonymous = Anonymous();
        await anonymous.GetAsync($"{url.PathAndQuery}?lang=fr").ExpectProblem(400, "lang");

        Assert.Multiple(() =>
        {
            Assert.That(planned.Events.Select(e => (e.Uid, e.DtStart!.Value)), Is.EquivalentTo(new[]
            {
                ($"amendment-{id:N}-due@obstacle-register", new DateTime(2026, 4, 30)),
                ($"amendment-{id:N}-drafting@obstacle-register", new DateTime(2026, 3, 9)),
                ($"amendment-{id:N}-consultation@obstacle-register", new DateTime(2026, 3, 23)),
            }));
            Assert.That(planned.Events.Single(e => e.Uid!.Contains("-drafting@", StringComparison.Ordinal)).Summary,
                Is.EqualTo("Soạn thảo (dự kiến): Sửa đổi Điều 5 về thời hạn cấp phép"));
            Assert.That(drafting.Events.Select(e => e.Uid), Has.None.Contains("-drafting@"), "a stage reached leaves the feed");
            Assert.That(english.Events.Single(e => e.Uid!.Contains("-consultation@", StringComparison.Ordinal)).Summary,
                Is.EqualTo("Consultation (planned): Sửa đổi Điều 5 về thời hạn cấp phép"));
            Assert.That(english.Events.First().Description, Does.StartWith("Responsible: Nguyễn Văn B"));
        });
    }

    [Test]
    public async Task RevokedOrUnknownAddress_Is404_AndTheSecretIsNotStored()
    {
        var created = await Drafter.Http.PostJson("/api/v1/calendar-feeds", new JsonObject()).ExpectJson(201);
        var url = new Uri(created.Str("url"));
        var token = url.Segments[^1];
        using var anonymous = Anonymous();
        var listed = await Drafter.Http.GetAsync("/api/v1/calendar-feeds").ExpectJson(200);
        await Coordinator.Http.DeleteAsync($"/api/v1/calendar-feeds/{created["feed"]!.Str("id")}").ExpectProblem(404);

        using (var revoke = await Drafter.Http.DeleteAsync($"/api/v1/calendar-feeds/{created["feed"]!.Str("id")}"))
        {
            Assert.That((int)revoke.StatusCode, Is.EqualTo(204));
        }

        await anonymous.GetAsync(url.PathAndQuery).ExpectProblem(404);
        await anonymous.GetAsync("/api/v1/calendar/cal_not-a-real-address-0123456789").ExpectProblem(404);
        var stored = await StoredTokenHashes();

        Assert.Multiple(() =>
        {
            Assert.That(token, Does.StartWith("cal_"));
            Assert.That(listed["items"]!.AsArray().Single()!.AsObject().ContainsKey("url"), Is.False, "the address is shown only once");
            Assert.That(stored, Has.None.Contains(token));
            Assert.That(stored.Single(), Has.Length.EqualTo(64));
        });
    }

    private async Task<Ical.Net.Calendar> Read(Uri url)
    {
        using var anonymous = Anonymous();
        using var response = await anonymous.GetAsync(url.PathAndQuery);
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<List<string>> StoredTokenHashes()
    {
        var connections = Factory.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<string>("SELECT token_hash FROM calendar_feed")];
    }
}
