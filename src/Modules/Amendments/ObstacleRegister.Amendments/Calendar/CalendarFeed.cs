using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Security;

namespace ObstacleRegister.Amendments.Calendar;

/// <summary>The iCalendar (RFC 5545) text of the unit a feed address belongs to; 404 for an unknown or revoked address.</summary>
internal sealed record GetCalendar(string Token) : IQuery<string>;

/// <summary>
/// One all-day event per open amendment of the unit, on its due date: the amendment's title as the summary, the
/// responsible official in the description. A moved deadline moves the event (same UID, higher SEQUENCE), so
/// subscribed calendars update it in place; issued or cancelled work leaves the feed.
/// </summary>
internal sealed class GetCalendarHandler(IDbSession db, TimeProvider clock) : IRequestHandler<GetCalendar, string>
{
    /// <summary>More open deadlines than a calendar can show usefully; the API lists the rest.</summary>
    public const int MaxEvents = 1000;

    private const string Feed = "SELECT unit_id FROM calendar_feed WHERE token_hash = @Hash AND revoked_at IS NULL";

    private const string Open = $"SELECT {AmendmentQueries.Columns} FROM amendment WHERE drafting_unit_id = @UnitId AND is_open = 1 ORDER BY due_on, id";

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
        var calendar = new Ical.Net.Calendar { ProductId = "-//Obstacle Register//Deadlines//VI" };
        calendar.AddProperty("X-WR-CALNAME", "Obstacle Register");
        var stamp = new CalDateTime(clock.GetUtcNow().UtcDateTime, "UTC");
        foreach (var row in amendments)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"amendment-{row.Id:N}-due@obstacle-register",
                Summary = row.Title,
                Description = $"{row.OfficialName}, {row.OfficialPosition}",
                DtStart = new CalDateTime(row.DueOn.Year, row.DueOn.Month, row.DueOn.Day),
                DtEnd = new CalDateTime(row.DueOn.AddDays(1).Year, row.DueOn.AddDays(1).Month, row.DueOn.AddDays(1).Day),
                DtStamp = stamp,
                LastModified = new CalDateTime(row.UpdatedAt.UtcDateTime, "UTC"),
                Sequence = (int)Math.Min(row.Version, int.MaxValue),
                Transparency = "TRANSPARENT",
                Categories = [row.Kind],
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
