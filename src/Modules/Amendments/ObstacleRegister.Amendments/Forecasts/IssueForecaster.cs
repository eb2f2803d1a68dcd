using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.Stages;

namespace ObstacleRegister.Amendments.Forecasts;

/// <summary>
/// When an open amendment will be issued, as the register's own past says: the median and 85th-percentile days, the
/// chance of being on time, how many past stages it rests on, and whether it is at risk (the 85th percentile is past
/// the due date while the work is not yet late). Without enough history, no dates: only the basis.
/// </summary>
internal sealed record IssueForecast(DateOnly? P50IssuedOn, DateOnly? P85IssuedOn, double? OnTimeProbability, int Basis, bool AtRisk)
{
    public bool HasDates => P50IssuedOn is not null;
}

/// <summary>
/// Forecasts by simulation (ADR 0044): the rest of the current stage is drawn from the past durations of that stage at
/// least as long as it has lasted so far, each later stage up to issuance from its past durations, and the sums of
/// <see cref="Samples"/> draws give the percentiles. The draws depend only on the kind, the stage, the procedure and
/// the days spent in the stage, from a generator seeded by them: the same history gives the same forecast, and every
/// amendment sharing those four shares one simulation (a register of 50,000 open amendments runs a few hundred).
/// </summary>
internal sealed class IssueForecaster(StagePace pace, DateOnly today)
{
    public const int Samples = 2000;

    private readonly Dictionary<(string Kind, AmendmentStatus Stage, bool Shortened, int Elapsed), Simulation> simulations = [];

    public IssueForecast Forecast(string kind, AmendmentStatus stage, bool shortened, DateOnly stageReachedOn, DateOnly dueOn)
    {
        var elapsed = Math.Max(0, today.DayNumber - stageReachedOn.DayNumber);
        var key = (kind, stage, shortened, elapsed);
        if (!simulations.TryGetValue(key, out var simulation))
        {
            simulations[key] = simulation = Simulate(key.kind, stage, shortened, elapsed);
        }

        if (simulation.RemainingDays is not { } remaining)
        {
            return new IssueForecast(null, null, null, simulation.Basis, false);
        }

        var p85 = today.AddDays(remaining[Rank(0.85)]);
        var daysLeft = dueOn.DayNumber - today.DayNumber;
        return new IssueForecast(
            today.AddDays(remaining[Rank(0.5)]), p85, Math.Round(AtMost(remaining, daysLeft) / (double)Samples, 3), simulation.Basis,
            AtRisk: today <= dueOn && p85 > dueOn);
    }

    /// <summary>The stages still to pass before issuance, the current one first; a shortened procedure skips consultation and appraisal.</summary>
    internal static AmendmentStatus[] StagesLeft(AmendmentStatus stage, bool shortened)
    {
        var from = Array.IndexOf(AmendmentStages.Reportable, stage);
        return from < 0 ? []
            : [stage, .. AmendmentStages.Reportable[(from + 1)..].Where(s => !(shortened && s is AmendmentStatus.Consultation or AmendmentStatus.Appraisal))];
    }

    private Simulation Simulate(string kind, AmendmentStatus stage, bool shortened, int elapsed)
    {
        var stages = StagesLeft(stage, shortened);
        var past = stages.Select(s => pace.For(kind, s)).ToArray();
        var basis = stages.Select((s, i) => past[i]?.Length ?? pace.Observed(s)).Sum();
        if (stages.Length == 0 || past.Any(p => p is null))
        {
            return new Simulation(null, basis);
        }

        var random = new Random(Seed($"{kind}|{stage}|{shortened}|{elapsed}"));
        var current = past[0]!;
        // The current stage has lasted `elapsed` days: only past durations at least that long describe how it ends.
        // When it has outlasted them all, its remainder is drawn as if it had just begun: late work is not assumed to end soon.
        var longer = FirstAtLeast(current, elapsed);
        var totals = new int[Samples];
        for (var i = 0; i < Samples; i++)
        {
            var total = longer < current.Length ? current[random.Next(longer, current.Length)] - elapsed : current[random.Next(current.Length)];
            for (var s = 1; s < past.Length; s++)
            {
                total += past[s]![random.Next(past[s]!.Length)];
            }

            totals[i] = total;
        }

        Array.Sort(totals);
        return new Simulation(totals, basis);
    }

    private static int Rank(double percentile) => (int)Math.Ceiling(percentile * Samples) - 1;

    /// <summary>How many of the sorted values are at most <paramref name="limit"/>.</summary>
    private static int AtMost(int[] sorted, int limit) => FirstAtLeast(sorted, limit + 1);

    private static int FirstAtLeast(int[] sorted, int value)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = sorted[middle] < value ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    /// <summary>FNV-1a over the text: a seed that is the same in every process (string.GetHashCode is not).</summary>
    private static int Seed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }

    private sealed record Simulation(int[]? RemainingDays, int Basis);
}
