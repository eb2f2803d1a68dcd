using MediatR;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Reports.Contracts;

namespace ObstacleRegister.Reports.Progress;

/// <summary>
/// Composes the report from the figures each module computes over its own tables (one aggregate query per
/// figure, grouped by unit), then names units and regulations in one lookup each.
/// </summary>
internal sealed class GetProgressReportHandler(IMediator mediator, RegisterCalendar calendar) : IRequestHandler<GetProgressReport, ProgressReport>
{
    public const int TopRegulations = 10;

    public async Task<ProgressReport> Handle(GetProgressReport request, CancellationToken cancellationToken)
    {
        var range = PeriodRange.Containing(request.Period, request.On, calendar);
        var obstacles = (await mediator.Send(new CountObstacleActivity(range.From, range.To, request.UnitId), cancellationToken)).ToDictionary(o => o.UnitId);
        var amendments = (await mediator.Send(new CountAmendmentActivity(
            range.From, range.To, range.FirstDay, range.LastDay, range.AsOf, request.UnitId), cancellationToken)).ToDictionary(a => a.UnitId);
        var median = await mediator.Send(new MedianDaysToResolution(range.From, range.To, request.UnitId), cancellationToken);
        var cited = await mediator.Send(new MostCitedRegulations(range.From, range.To, request.UnitId, TopRegulations), cancellationToken);
        var regulations = (await mediator.Send(new GetRegulations([.. cited.Select(c => c.RegulationId)]), cancellationToken)).ToDictionary(r => r.Id);
        var deadlines = await PeriodDeadlines.Count(mediator, range.FirstDay, range.LastDay, range.AsOf, range.From, range.To, request.UnitId, cancellationToken);
        var unitIds = obstacles.Keys.Union(amendments.Keys).Union(deadlines.ByUnit.Keys).ToList();
        var units = (await mediator.Send(new GetUnits(unitIds), cancellationToken)).ToDictionary(u => u.Id);

        var perUnit = unitIds
            .Select(id => new UnitProgress(
                id, units.GetValueOrDefault(id)?.Code, units.GetValueOrDefault(id)?.Name,
                Obstacles(obstacles.GetValueOrDefault(id)), Amendments(amendments.TryGetValue(id, out var a) ? [a] : []))
            {
                DeadlineStatus = deadlines.Of(id),
            })
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
        return new ProgressReport(
            request.Period, range.FirstDay, range.LastDay, range.AsOf, request.UnitId,
            Sum(obstacles.Values), Amendments([.. amendments.Values]), median, perUnit,
            cited.Select(c => new CitedRegulation(c.RegulationId, regulations.GetValueOrDefault(c.RegulationId)?.Symbol,
                regulations.GetValueOrDefault(c.RegulationId)?.Title, c.Obstacles)).ToList())
        {
            DeadlineStatus = deadlines.Total,
            AnswerTime = deadlines.AnswerTime,
            AnswerTimes = deadlines.AnswerTimes,
        };
    }

    private ObstacleFigures Obstacles(ObstacleActivity? a) =>
        a is null ? new(0, 0, 0, 0, 0, 0, 0, null)
        : new(a.Received, a.Accepted, a.Rejected, a.Duplicates, a.Withdrawn, a.Resolved, a.WaitingForInformation, WaitDays(a.WaitingSince));

    private ObstacleFigures Sum(IEnumerable<ObstacleActivity> all)
    {
        var list = all.ToList();
        return new(list.Sum(a => a.Received), list.Sum(a => a.Accepted), list.Sum(a => a.Rejected), list.Sum(a => a.Duplicates),
            list.Sum(a => a.Withdrawn), list.Sum(a => a.Resolved), list.Sum(a => a.WaitingForInformation), WaitDays(list.Min(a => a.WaitingSince)));
    }

    private int? WaitDays(DateTimeOffset? since) => since is { } start ? calendar.Today.DayNumber - calendar.DateOf(start).DayNumber : null;

    private static AmendmentFigures Amendments(IReadOnlyList<AmendmentActivity> all)
    {
        var issued = all.Sum(a => a.Issued);
        return new(
            all.Sum(a => a.Opened), issued, all.Sum(a => a.InForce), all.Sum(a => a.Cancelled), all.Sum(a => a.Overdue), all.Sum(a => a.Stale),
            all.Sum(a => a.DaysLate), issued == 0 ? null : Math.Round((double)all.Sum(a => a.IssuedOnTime) / issued, 3))
        {
            AtRisk = all.Sum(a => a.AtRisk),
        };
    }
}
