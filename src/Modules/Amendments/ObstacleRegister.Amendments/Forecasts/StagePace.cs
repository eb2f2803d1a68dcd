using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.Stages;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Amendments.Forecasts;

/// <summary>One stage an amendment reached, and the day: what the register's history of pace is made of.</summary>
internal sealed class ReachedStage
{
    public Guid AmendmentId { get; set; }

    public string Kind { get; set; } = "";

    public string Stage { get; set; } = "";

    public DateOnly ReachedOn { get; set; }
}

/// <summary>How many past stages of a kind took so many days.</summary>
internal sealed class StagePaceCount
{
    public string Kind { get; set; } = "";

    public string Stage { get; set; } = "";

    public int Days { get; set; }

    public int Observations { get; set; }
}

/// <summary>
/// How long each stage has taken in the register's own past: for every amendment, the days from reaching a stage to
/// reaching the next stage it reached (a shortened procedure's drafting runs until it is submitted). A stage not yet
/// left is not an observation. Kept by amendment kind and over all kinds, each sorted.
/// </summary>
internal sealed class StagePace
{
    /// <summary>Fewer past stages than this say too little: the kind falls back to all kinds, and all kinds to no forecast.</summary>
    public const int MinObservations = 10;

    private readonly Dictionary<(string Kind, AmendmentStatus Stage), int[]> byKind;
    private readonly Dictionary<AmendmentStatus, int[]> overall;

    private StagePace(Dictionary<(string, AmendmentStatus), int[]> byKind, Dictionary<AmendmentStatus, int[]> overall)
    {
        this.byKind = byKind;
        this.overall = overall;
    }

    public static StagePace From(IEnumerable<ReachedStage> reached)
    {
        var kindDays = new Dictionary<(string, AmendmentStatus), List<int>>();
        var allDays = new Dictionary<AmendmentStatus, List<int>>();
        foreach (var amendment in reached.GroupBy(r => r.AmendmentId))
        {
            var path = amendment
                .Select(r => (Stage: WireNames.TryParse<AmendmentStatus>(r.Stage, out var s) ? s : (AmendmentStatus?)null, r.ReachedOn, r.Kind))
                .Where(r => r.Stage is { } s && Array.IndexOf(AmendmentStages.Process, s) >= 0)
                .OrderBy(r => Array.IndexOf(AmendmentStages.Process, r.Stage!.Value))
                .ToList();
            for (var i = 0; i + 1 < path.Count; i++)
            {
                var days = Math.Max(0, path[i + 1].ReachedOn.DayNumber - path[i].ReachedOn.DayNumber);
                Add(kindDays, (path[i].Kind, path[i].Stage!.Value), days);
                Add(allDays, path[i].Stage!.Value, days);
            }
        }

        return Sorted(kindDays, allDays);
    }

    /// <summary>The same from the histogram kept as amendments move: each count of days written out that many times.</summary>
    public static StagePace FromHistogram(IEnumerable<StagePaceCount> counts)
    {
        var kindDays = new Dictionary<(string, AmendmentStatus), List<int>>();
        var allDays = new Dictionary<AmendmentStatus, List<int>>();
        foreach (var count in counts)
        {
            if (!WireNames.TryParse<AmendmentStatus>(count.Stage, out var stage))
            {
                continue;
            }

            for (var i = 0; i < count.Observations; i++)
            {
                Add(kindDays, (count.Kind, stage), count.Days);
                Add(allDays, stage, count.Days);
            }
        }

        return Sorted(kindDays, allDays);
    }

    /// <summary>The past durations to forecast a stage from: the kind's when there are enough, else all kinds', else none.</summary>
    public int[]? For(string kind, AmendmentStatus stage) =>
        byKind.TryGetValue((kind, stage), out var own) && own.Length >= MinObservations ? own
        : overall.TryGetValue(stage, out var all) && all.Length >= MinObservations ? all
        : null;

    /// <summary>How many past durations of the stage there are over all kinds: what a forecast too thin to make rests on.</summary>
    public int Observed(AmendmentStatus stage) => overall.TryGetValue(stage, out var all) ? all.Length : 0;

    private static StagePace Sorted(Dictionary<(string, AmendmentStatus), List<int>> kindDays, Dictionary<AmendmentStatus, List<int>> allDays) => new(
        kindDays.ToDictionary(e => e.Key, e => e.Value.Order().ToArray()),
        allDays.ToDictionary(e => e.Key, e => e.Value.Order().ToArray()));

    private static void Add<TKey>(Dictionary<TKey, List<int>> days, TKey key, int value)
        where TKey : notnull
    {
        if (!days.TryGetValue(key, out var list))
        {
            days[key] = list = [];
        }

        list.Add(value);
    }
}
