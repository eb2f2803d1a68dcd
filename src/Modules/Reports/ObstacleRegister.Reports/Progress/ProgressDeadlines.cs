using MediatR;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Reports.Contracts;

namespace ObstacleRegister.Reports.Progress;

/// <summary>The four deadline statuses per unit and the answer times per coordinating unit of one period, from one query per module each.</summary>
internal sealed record PeriodDeadlines(
    IReadOnlyDictionary<Guid, DeadlineFigures> ByUnit, DeadlineFigures Total, AnswerTime AnswerTime, IReadOnlyList<UnitAnswerTime> AnswerTimes)
{
    public DeadlineFigures Of(Guid unitId) => ByUnit.GetValueOrDefault(unitId) ?? DeadlineFigures.None;

    /// <summary>Work due on <paramref name="firstDay"/> to <paramref name="lastDay"/> as of <paramref name="asOf"/>; answers given in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static async Task<PeriodDeadlines> Count(
        IMediator mediator, DateOnly firstDay, DateOnly lastDay, DateOnly asOf, DateTimeOffset from, DateTimeOffset to, Guid? unitId, CancellationToken ct)
    {
        var amendments = (await mediator.Send(new CountAmendmentDeadlines(firstDay, lastDay, asOf, unitId), ct))
            .ToDictionary(a => a.UnitId, a => new DeadlineStatus(a.DoneOnTime, a.DoneLate, a.OpenWithinDeadline, a.Overdue));
        var answers = (await mediator.Send(new CountAnswerDeadlines(firstDay, lastDay, asOf, unitId), ct))
            .ToDictionary(a => a.UnitId, a => new DeadlineStatus(a.DoneOnTime, a.DoneLate, a.OpenWithinDeadline, a.Overdue));
        var byUnit = amendments.Keys.Union(answers.Keys).ToDictionary(
            id => id, id => new DeadlineFigures(amendments.GetValueOrDefault(id) ?? DeadlineStatus.None, answers.GetValueOrDefault(id) ?? DeadlineStatus.None));
        var times = await mediator.Send(new MeasureAnswerTimes(from, to, unitId), ct);
        var units = (await mediator.Send(new GetUnits([.. times.Select(t => t.UnitId)]), ct)).ToDictionary(u => u.Id);
        return new(
            byUnit,
            new DeadlineFigures(DeadlineStatus.Sum(amendments.Values), DeadlineStatus.Sum(answers.Values)),
            Time([.. times.SelectMany(t => t.Days)], times.Sum(t => t.OnTime)),
            [.. times.Select(t => new UnitAnswerTime(t.UnitId, units.GetValueOrDefault(t.UnitId)?.Code, units.GetValueOrDefault(t.UnitId)?.Name, Time(t.Days, t.OnTime)))
                .OrderBy(t => t.Code, StringComparer.Ordinal)]);
    }

    private static AnswerTime Time(IReadOnlyList<int> days, int onTime) =>
        days.Count == 0 ? AnswerTime.None : new(days.Count, Median(days), Math.Round((double)onTime / days.Count, 3));

    private static double Median(IReadOnlyList<int> days)
    {
        var sorted = days.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
