using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Time;

namespace ObstacleRegister.Amendments;

/// <summary>
/// What an amendment's dates mean today, judged in the register's time zone (Register__TimeZone) from the
/// injected clock. The same rules, as SQL conditions, drive the overdue and stale filters.
/// </summary>
internal sealed class AmendmentClock(RegisterCalendar calendar)
{
    /// <summary>A drafting unit reports at least weekly; more than this many days without a check-in is stale.</summary>
    public const int StaleAfterDays = 7;

    public DateOnly Today => calendar.Today;

    public DateTimeOffset LocalNow => calendar.LocalNow;

    /// <summary>Check-ins before this instant are too old: the SQL form of <see cref="IsStale"/>.</summary>
    public DateTimeOffset StaleBefore => calendar.StartOfDay(Today.AddDays(-StaleAfterDays));

    public DateTimeOffset StartOfDay(DateOnly day) => calendar.StartOfDay(day);

    public DateOnly DateOf(DateTimeOffset instant) => calendar.DateOf(instant);

    public bool IsOverdue(AmendmentRow row) => row.IsOpen && Today > row.DueOn;

    public int DaysOverdue(AmendmentRow row) => IsOverdue(row) ? Today.DayNumber - row.DueOn.DayNumber : 0;

    public int DaysSinceProgress(AmendmentRow row) => Today.DayNumber - calendar.DateOf(row.LastProgressAt).DayNumber;

    public bool IsStale(AmendmentRow row) => row.IsOpen && DaysSinceProgress(row) > StaleAfterDays;

    /// <summary>
    /// Days past the first due date ever set, up to the issue date (or today while open): a deadline that was
    /// moved does not hide the delay. Cancelled work is not counted.
    /// </summary>
    public int TotalDaysLate(AmendmentRow row)
    {
        DateOnly? end = row.StatusValue switch
        {
            AmendmentStatus.Cancelled => null,
            AmendmentStatus.Issued or AmendmentStatus.InForce => row.IssuedOn,
            _ => Today,
        };
        return end is { } until && until > row.OriginalDueOn ? until.DayNumber - row.OriginalDueOn.DayNumber : 0;
    }
}
