using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Security;

namespace ObstacleRegister.Amendments.Calendar;

/// <summary>The iCalendar (RFC 5545) text of the unit a feed address belongs to, in a language; 404 for an unknown or revoked address.</summary>
internal sealed record GetCalendar(string Token, System.Globalization.CultureInfo Language) : IQuery<string>;

/// <summary>
/// One all-day event per open amendment of the unit, on its due date: the amendment's title as the summary, the
/// responsible official in the description; and one per stage it planned and has not reached, on the planned date.
/// A moved date moves its event (same UID, higher SEQUENCE), so subscribed calendars update it in place; a stage
/// reached, and issued or cancelled work, leave the feed.
/// </summary>
internal sealed class GetCalendarHandler(IDbSession db, TimeProvider clock) : IRequestHandler<GetCalendar, string>
{
    /// <summary>More open deadlines than a calendar can show usefully; the API lists the rest.</summary>
    public const int MaxEvents = 1000;

    private const string Feed = "SELECT unit_id FROM calendar_feed WHERE token_hash = @Hash AND revoked_at IS NULL";

    private const string Open = $"SELECT {AmendmentQueries.Columns} FROM amendment WHERE drafting_unit_id = @UnitId AND is_open = 1 ORDER BY due_on, id";

    private const string PlannedStages = """
        SELECT amendment_id, stage, planned_on FROM amendment_stage
        WHERE amendment_id IN @Ids AND planned_on IS NOT NULL AND reached_on IS NULL
        """;

    public async Task<string> Handle(GetCalendar request, CancellationToken cancellationToken)
    {
        var unitId = request.Token.Length is > 10 and < 100
            ? await db.QuerySingleOrDefaultAsync<Guid?>(Feed, new { Hash = SecretTokens.Hash(request.Token) }, cancellationToken)
            : null;
        if (unitId is null)
        {
            throw new NotFoundException("calendar feed", "…");
        }

        var amendments = await db.QueryAsync<AmendmentRow>(db.Dialect.Limit(Open), new { UnitId = unitId, Limit = MaxEvents }, cancellationToken);
        var stages = amendments.Count == 0
            ? []
            : await db.QueryAsync<(Guid AmendmentId, string Stage, DateOnly PlannedOn)>(
                PlannedStages, new { Ids = db.Dialect.IdList(amendments.Select(a => a.Id)) }, cancellationToken);
        var plannedOf = stages.ToLookup(s => s.AmendmentId);
        var language = request.Language;
        var calendar = new Ical.Net.Calendar { ProductId = $"-//Obstacle Register//Deadlines//{language.TwoLetterISOLanguageName.ToUpperInvariant()}" };
        calendar.AddProperty("X-WR-CALNAME", Say.In(language, "Calendar.Name"));
        var stamp = new CalDateTime(clock.GetUtcNow().UtcDateTime, "UTC");
        foreach (var row in amendments)
        {
            var official = Say.In(language, "Calendar.Official", $"{row.OfficialName}, {row.OfficialPosition}");
            calendar.Events.Add(Event(row, "due", row.DueOn, row.Title, official, stamp));
            foreach (var (_, stage, plannedOn) in plannedOf[row.Id].OrderBy(s => s.PlannedOn))
            {
                var summary = Say.In(language, "Calendar.PlannedStage", Say.In(language, $"Stage.{stage}"), row.Title);
                calendar.Events.Add(Event(row, stage, plannedOn, summary, official, stamp));
            }
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(AmendmentRow row, string what, DateOnly day, string summary, string description, CalDateTime stamp) => new()
    {
        Uid = $"amendment-{row.Id:N}-{what}@obstacle-register",
        Summary = summary,
        Description = description,
        DtStart = new CalDateTime(day.Year, day.Month, day.Day),
        DtEnd = new CalDateTime(day.AddDays(1).Year, day.AddDays(1).Month, day.AddDays(1).Day),
        DtStamp = stamp,
        LastModified = new CalDateTime(row.UpdatedAt.UtcDateTime, "UTC"),
        Sequence = (int)Math.Min(row.Version, int.MaxValue),
        Transparency = "TRANSPARENT",
        Categories = [row.Kind],
    };
}
