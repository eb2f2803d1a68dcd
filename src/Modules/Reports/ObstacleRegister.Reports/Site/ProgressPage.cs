using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Reports.Contracts;
using ObstacleRegister.Reports.Progress;

namespace ObstacleRegister.Reports.Site;

/// <summary>One week of the trend: what was received and resolved, what took effect, and how much work was late at its end.</summary>
/// <param name="Overdue">Amendments not issued by the week's last day (or today) and due before it.</param>
internal sealed record TrendWeek(DateOnly From, DateOnly To, int Received, int Resolved, int InForce, int Overdue);

/// <summary>The site's home page: this week and month against the last, and the last twelve weeks.</summary>
internal sealed record ProgressPage(
    DateOnly Today, ProgressReport ThisWeek, ProgressReport LastWeek, ProgressReport ThisMonth, ProgressReport LastMonth,
    IReadOnlyList<TrendWeek> Trend) : ISitePage
{
    public const int TrendWeeks = 12;

    public IReadOnlyList<SiteTable> Tables() =>
    [
        new("comparison", ["measure", "this_week", "last_week", "this_month", "last_month"], [.. Measures()]),
        new("trend", ["week_from", "week_to", "received", "resolved", "in_force", "overdue"],
            [.. Trend.Select(w => (IReadOnlyList<object?>)[w.From, w.To, w.Received, w.Resolved, w.InForce, w.Overdue])]),
    ];

    private IEnumerable<IReadOnlyList<object?>> Measures()
    {
        ProgressReport[] periods = [ThisWeek, LastWeek, ThisMonth, LastMonth];
        IReadOnlyList<object?> Row(string measure, Func<ProgressReport, object?> value) => [measure, .. periods.Select(value)];
        yield return Row("received", p => p.Obstacles.Received);
        yield return Row("accepted", p => p.Obstacles.Accepted);
        yield return Row("rejected", p => p.Obstacles.Rejected);
        yield return Row("resolved", p => p.Obstacles.Resolved);
        yield return Row("waiting_for_information", p => p.Obstacles.WaitingForInformation);
        yield return Row("amendments_opened", p => p.Amendments.Opened);
        yield return Row("amendments_issued", p => p.Amendments.Issued);
        yield return Row("amendments_in_force", p => p.Amendments.InForce);
        yield return Row("amendments_overdue", p => p.Amendments.Overdue);
        yield return Row("on_time_rate", p => Share.Of(p.Amendments.OnTimeRate));
        yield return Row("median_days_to_resolution", p => p.MedianDaysToResolution);
    }
}

internal sealed record LoadProgressPage : IQuery<ProgressPage>;

/// <summary>
/// The four periods are the register's progress reports; each trend week is counted by the same module queries the
/// weekly report runs, so a week on the chart and the weekly report of that week never differ.
/// </summary>
internal sealed class LoadProgressPageHandler(IMediator mediator, RegisterCalendar calendar) : IRequestHandler<LoadProgressPage, ProgressPage>
{
    public async Task<ProgressPage> Handle(LoadProgressPage request, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        Task<ProgressReport> Report(ReportPeriod period, DateOnly on) => mediator.Send(new GetProgressReport(period, on, null), cancellationToken);
        var thisWeek = await Report(ReportPeriod.Week, today);
        var lastWeek = await Report(ReportPeriod.Week, today.AddDays(-7));
        var thisMonth = await Report(ReportPeriod.Month, today);
        var lastMonth = await Report(ReportPeriod.Month, thisMonth.From.AddDays(-1));
        var trend = new List<TrendWeek>();
        for (var weeksAgo = ProgressPage.TrendWeeks - 1; weeksAgo >= 2; weeksAgo--)
        {
            trend.Add(await Week(PeriodRange.Containing(ReportPeriod.Week, today.AddDays(-7 * weeksAgo), calendar), cancellationToken));
        }

        // The last two weeks of the trend are the two weekly reports already read, counted by the same queries.
        trend.Add(Week(lastWeek));
        trend.Add(Week(thisWeek));

        return new ProgressPage(today, thisWeek, lastWeek, thisMonth, lastMonth, trend);
    }

    private static TrendWeek Week(ProgressReport week) =>
        new(week.From, week.To, week.Obstacles.Received, week.Obstacles.Resolved, week.Amendments.InForce, week.Amendments.Overdue);

    private async Task<TrendWeek> Week(PeriodRange week, CancellationToken ct)
    {
        var obstacles = await mediator.Send(new CountObstacleActivity(week.From, week.To, null), ct);
        var amendments = await mediator.Send(new CountAmendmentActivity(week.From, week.To, week.FirstDay, week.LastDay, week.AsOf, null), ct);
        return new TrendWeek(
            week.FirstDay, week.LastDay, obstacles.Sum(o => o.Received), obstacles.Sum(o => o.Resolved), amendments.Sum(a => a.InForce),
            amendments.Sum(a => a.Overdue));
    }
}
