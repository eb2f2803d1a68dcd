using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Amendments.Forecasts;

/// <summary>
/// Replays the register's past week by week (ADR 0044): as of each week's day, the history of pace known then, the stage
/// each amendment had reached and the due date it had; the forecast made from those alone; and, for each due date that
/// has passed since, whether it was flagged ahead and whether it was missed. Cancelled work is left out (it has no
/// issue date to be late by).
/// </summary>
internal sealed class ForecastBacktestHandler(IDbSession db, AmendmentClock clock) : IRequestHandler<GetForecastAccuracy, ForecastAccuracy>
{
    private const string Amendments = "SELECT id, kind, shortened_procedure, issued_on FROM amendment WHERE status <> 'cancelled'";

    private const string Deadlines = "SELECT amendment_id, at, due_on FROM amendment_deadline ORDER BY amendment_id, at, id";

    public async Task<ForecastAccuracy> Handle(GetForecastAccuracy request, CancellationToken cancellationToken)
    {
        var amendments = (await db.QueryAsync<PastAmendment>(Amendments, null, cancellationToken)).ToDictionary(a => a.Id);
        var reached = await db.QueryAsync<ReachedStage>(ForecastHandlers.Reached, null, cancellationToken);
        var stagesOf = reached.ToLookup(r => r.AmendmentId);
        var deadlinesOf = (await db.QueryAsync<DeadlineSet>(Deadlines, null, cancellationToken)).ToLookup(d => d.AmendmentId);
        var today = clock.Today;
        var days = Enumerable.Range(1, request.Weeks).Select(k => today.AddDays(-7 * k)).Reverse().ToList();
        var firstFlag = new Dictionary<(Guid Amendment, DateOnly DueOn), DateOnly?>();
        var forecasts = 0;
        foreach (var day in days)
        {
            var forecaster = new IssueForecaster(StagePace.From(reached.Where(r => r.ReachedOn <= day)), day);
            foreach (var amendment in amendments.Values)
            {
                if (AsOf(amendment, stagesOf[amendment.Id], deadlinesOf[amendment.Id], day) is not { } state)
                {
                    continue;
                }

                forecasts++;
                var forecast = forecaster.Forecast(amendment.Kind, state.Stage, amendment.ShortenedProcedure, state.StageReachedOn, state.DueOn);
                var key = (amendment.Id, state.DueOn);
                firstFlag[key] = firstFlag.GetValueOrDefault(key) ?? (forecast.AtRisk ? day : null);
            }
        }

        return Figures(request.Weeks, days, firstFlag, amendments, today, forecasts);
    }

    /// <summary>Where the amendment stood on the day, if it was open and not yet late: its stage, since when, and its due date.</summary>
    private (AmendmentStatus Stage, DateOnly StageReachedOn, DateOnly DueOn)? AsOf(
        PastAmendment amendment, IEnumerable<ReachedStage> stages, IEnumerable<DeadlineSet> deadlines, DateOnly day)
    {
        if (amendment.IssuedOn is { } issued && issued <= day)
        {
            return null;
        }

        var current = stages.Where(s => s.ReachedOn <= day).MaxBy(s => (s.ReachedOn, Array.IndexOf(Stages.AmendmentStages.Process, WireNames.Parse<AmendmentStatus>(s.Stage))));
        var due = deadlines.LastOrDefault(d => clock.DateOf(d.At) <= day);
        if (current is null || due is null || due.DueOn < day || !Stages.AmendmentStages.IsOpen(WireNames.Parse<AmendmentStatus>(current.Stage)))
        {
            return null;
        }

        return (WireNames.Parse<AmendmentStatus>(current.Stage), current.ReachedOn, due.DueOn);
    }

    private static ForecastAccuracy Figures(
        int weeks, List<DateOnly> days, Dictionary<(Guid Amendment, DateOnly DueOn), DateOnly?> firstFlag, Dictionary<Guid, PastAmendment> amendments,
        DateOnly today, int forecasts)
    {
        var judged = firstFlag.Where(f => f.Key.DueOn < today)
            .Select(f => (Flag: f.Value, f.Key.DueOn, Late: amendments[f.Key.Amendment].IssuedOn is not { } issued || issued > f.Key.DueOn))
            .ToList();
        var flagged = judged.Where(j => j.Flag is not null).ToList();
        var late = judged.Where(j => j.Late).ToList();
        var leads = late.Where(j => j.Flag is not null).Select(j => j.DueOn.DayNumber - j.Flag!.Value.DayNumber).Order().ToList();
        return new ForecastAccuracy(
            days[0], days[^1], weeks, judged.Count, flagged.Count, flagged.Count(j => j.Late), Share(flagged.Count(j => j.Late), flagged.Count),
            late.Count, leads.Count, Share(leads.Count, late.Count), leads.Count == 0 ? null : leads[(leads.Count - 1) / 2], forecasts);
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round(part / (double)whole, 3);

    private sealed class PastAmendment
    {
        public Guid Id { get; set; }

        public string Kind { get; set; } = "";

        public bool ShortenedProcedure { get; set; }

        public DateOnly? IssuedOn { get; set; }
    }

    private sealed class DeadlineSet
    {
        public Guid AmendmentId { get; set; }

        public DateTimeOffset At { get; set; }

        public DateOnly DueOn { get; set; }
    }
}
