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
        yield return Row("amendments_due_done_on_time", p => p.DeadlineStatus.Amendments.DoneOnTime);
        yield return Row("amendments_due_done_late", p => p.DeadlineStatus.Amendments.DoneLate);
        yield return Row("amendments_due_open_within_deadline", p => p.DeadlineStatus.Amendments.OpenWithinDeadline);
        yield return Row("amendments_due_overdue", p => p.DeadlineStatus.Amendments.Overdue);
        yield return Row("answers_due_done_on_time", p => p.DeadlineStatus.Answers.DoneOnTime);
        yield return Row("answers_due_done_late", p => p.DeadlineStatus.Answers.DoneLate);
        yield return Row("answers_due_open_within_deadline", p => p.DeadlineStatus.Answers.OpenWithinDeadline);
        yield return Row("answers_due_overdue", p => p.DeadlineStatus.Answers.Overdue);
        yield return Row("median_days_to_answer", p => p.AnswerTime.MedianDaysToAnswer);
        yield return Row("answered_within_deadline", p => Share.Of(p.AnswerTime.AnsweredWithinDeadline));
        yield return Row("amendments_at_risk", p => p.Amendments.AtRisk);
    }
}

internal sealed record LoadProgressPage : IQuery<ProgressPage>;

/// <summary>
/// The four periods are the register's progress reports; the twelve trend weeks are counted together, one query per
/// module, by the rules the weekly report applies to one week, so a week on the chart and its weekly report never differ.
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
        return new ProgressPage(today, thisWeek, lastWeek, thisMonth, lastMonth, await Trend(today, cancellationToken));
    }

    private async Task<IReadOnlyList<TrendWeek>> Trend(DateOnly today, CancellationToken ct)
    {
        var weeks = Enumerable.Range(0, ProgressPage.TrendWeeks).Reverse()
            .Select(weeksAgo => PeriodRange.Containing(ReportPeriod.Week, today.AddDays(-7 * weeksAgo), calendar)).ToList();
        var obstacles = await mediator.Send(new CountObstacleTrend([.. weeks.Select(w => (w.From, w.To))]), ct);
        var amendments = await mediator.Send(new CountAmendmentTrend([.. weeks.Select(w => (w.FirstDay, w.LastDay, w.AsOf))]), ct);
        return [.. weeks.Select((w, k) => new TrendWeek(
            w.FirstDay, w.LastDay, obstacles[k].Received, obstacles[k].Resolved, amendments[k].InForce, amendments[k].Overdue))];
    }
}
