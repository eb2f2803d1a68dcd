using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Reports.Contracts;

namespace ObstacleRegister.Reports.Progress;

/// <summary>A report period as days in the register's zone and as the UTC instants that bound them.</summary>
internal sealed record PeriodRange(DateOnly FirstDay, DateOnly LastDay, DateOnly AsOf, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The ISO week (Monday to Sunday) or calendar month containing <paramref name="on"/>.</summary>
    public static PeriodRange Containing(ReportPeriod period, DateOnly on, RegisterCalendar calendar)
    {
        var (first, last) = period == ReportPeriod.Week
            ? (RegisterCalendar.WeekStarting(on), RegisterCalendar.WeekStarting(on).AddDays(6))
            : (RegisterCalendar.MonthStarting(on), RegisterCalendar.MonthStarting(on).AddMonths(1).AddDays(-1));
        var asOf = last < calendar.Today ? last : calendar.Today;
        return new PeriodRange(first, last, asOf, calendar.StartOfDay(first), calendar.StartOfDay(last.AddDays(1)));
    }
}
