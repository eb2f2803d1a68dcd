using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.Stages;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Amendments.Forecasts;

/// <summary>
/// Keeps the histogram of pace (<c>amendment_stage_pace</c>, migration 0041) in the transaction that moves an
/// amendment: the stage it leaves for a later one of the process is one more observation of its kind, in days from
/// the day it was reached. The same observations <see cref="StagePace.From"/> finds in the whole history.
/// </summary>
internal sealed class StagePaceLog(IDbSession db)
{
    private const string ReachedOn = "SELECT reached_on FROM amendment_stage WHERE amendment_id = @Id AND stage = @Stage";

    private const string Count = "UPDATE amendment_stage_pace SET observations = observations + 1 WHERE kind = @Kind AND stage = @Stage AND days = @Days";

    private const string First = "INSERT INTO amendment_stage_pace (kind, stage, days, observations) VALUES (@Kind, @Stage, @Days, 1)";

    /// <summary>Read whole for the notice round: a row per kind, stage and number of days.</summary>
    internal const string Histogram = "SELECT kind, stage, days, observations FROM amendment_stage_pace";

    public async Task Left(AmendmentRow row, AmendmentStatus to, DateOnly on, CancellationToken ct)
    {
        var from = row.StatusValue;
        if (Array.IndexOf(AmendmentStages.Process, from) < 0 || Array.IndexOf(AmendmentStages.Process, to) <= Array.IndexOf(AmendmentStages.Process, from))
        {
            return;
        }

        var stage = WireNames.Of(from);
        if (await db.QuerySingleOrDefaultAsync<DateOnly?>(ReachedOn, new { row.Id, Stage = stage }, ct) is not { } reached)
        {
            return;
        }

        var observation = new { row.Kind, Stage = stage, Days = Math.Max(0, on.DayNumber - reached.DayNumber) };
        if (await db.ExecuteAsync(Count, observation, ct) == 0)
        {
            await db.ExecuteAsync(First, observation, ct);
        }
    }
}
