using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Obstacles.Reporting;

namespace ObstacleRegister.Tests.Domain;

/// <summary>
/// A kept week or month holds exactly the instants a report of it counts, in a fixed zone and in one whose clock jumps
/// at midnight (Chile moves its clocks at 24:00), and only a report's exact bounds are read as a kept period.
/// </summary>
public sealed class KeptPeriodTests
{
    [TestCase("Asia/Ho_Chi_Minh")]
    [TestCase("America/Santiago")]
    [TestCase("UTC")]
    public void EveryInstant_IsInsideTheBoundsOfItsWeekAndMonth(string zone)
    {
        var calendar = Calendar(zone);
        var failures = new List<string>();
        for (var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero); at.Year == 2026; at = at.AddMinutes(30))
        {
            foreach (var period in KeptPeriod.Holding(at, calendar))
            {
                if (at < calendar.StartOfDay(period.FirstDay) || at >= calendar.StartOfDay(period.EndDay))
                {
                    failures.Add($"{at:O} in {period}");
                }
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void AWeekOrMonthInTheRegistersZone_IsKept_AndNothingElse()
    {
        var calendar = Calendar("Asia/Ho_Chi_Minh");
        var monday = new DateOnly(2026, 3, 2);
        var firstOfMarch = new DateOnly(2026, 3, 1);
        Assert.Multiple(() =>
        {
            Assert.That(KeptPeriod.Exactly(calendar.StartOfDay(monday), calendar.StartOfDay(monday.AddDays(7)), calendar),
                Is.EqualTo(new KeptPeriod(KeptPeriod.Week, monday)));
            Assert.That(KeptPeriod.Exactly(calendar.StartOfDay(firstOfMarch), calendar.StartOfDay(firstOfMarch.AddMonths(1)), calendar),
                Is.EqualTo(new KeptPeriod(KeptPeriod.Month, firstOfMarch)));
            Assert.That(KeptPeriod.Exactly(calendar.StartOfDay(monday.AddDays(1)), calendar.StartOfDay(monday.AddDays(8)), calendar), Is.Null,
                "seven days from a Tuesday");
            Assert.That(KeptPeriod.Exactly(calendar.StartOfDay(monday), calendar.StartOfDay(monday.AddDays(14)), calendar), Is.Null, "two weeks");
            var utcWeek = new DateTimeOffset(monday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            Assert.That(KeptPeriod.Exactly(utcWeek, utcWeek.AddDays(7), calendar), Is.Null, "a week of UTC days");
        });
    }

    [Test]
    public void TheSpanOfARegister_IsEveryWeekAndMonthItsObstaclesFallIn()
    {
        var calendar = Calendar("Asia/Ho_Chi_Minh");
        var hanoi = TimeSpan.FromHours(7);

        var periods = KeptPeriod.Spanning(new(2026, 1, 31, 10, 0, 0, hanoi), new(2026, 3, 2, 8, 0, 0, hanoi), calendar).ToList();

        Assert.That(periods.Select(p => $"{p.Kind} {p.FirstDay:yyyy-MM-dd}"), Is.EqualTo(new[]
        {
            "week 2026-01-26", "week 2026-02-02", "week 2026-02-09", "week 2026-02-16", "week 2026-02-23", "week 2026-03-02",
            "month 2026-01-01", "month 2026-02-01", "month 2026-03-01",
        }));
    }

    private static RegisterCalendar Calendar(string zone) =>
        new(TimeProvider.System, Options.Create(new RegisterOptions { TimeZone = zone }));
}
