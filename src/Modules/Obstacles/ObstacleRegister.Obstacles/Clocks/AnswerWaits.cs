using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Obstacles.Clocks;

/// <summary>
/// Keeps <c>obstacle_answer_wait</c> in the transaction that moves a report: a wait begins when it enters
/// <c>submitted</c> and ends with the coordinators' answer (a withdrawal takes it away: nobody owed that answer any more).
/// The reports count the four deadline statuses and the answer times from it (migration 0040).
/// </summary>
internal sealed class AnswerWaits(IDbSession db, RegisterCalendar calendar, IOptions<ObstacleClockOptions> options)
{
    private const string Begin = """
        INSERT INTO obstacle_answer_wait (id, obstacle_id, unit_id, since, due_on)
        VALUES (@Id, @ObstacleId, @UnitId, @Since, @DueOn)
        """;

    private const string End = """
        UPDATE obstacle_answer_wait SET answered_at = @At, answered_on = @On, answered_by_unit_id = @ByUnitId, answer_days = @AnswerDays
        WHERE obstacle_id = @ObstacleId AND answered_at IS NULL
        """;

    private const string Drop = "DELETE FROM obstacle_answer_wait WHERE obstacle_id = @ObstacleId AND answered_at IS NULL";

    public Task Began(Guid obstacleId, Guid unitId, DateTimeOffset at, CancellationToken ct) =>
        db.ExecuteAsync(Begin, new
        {
            Id = Guid.CreateVersion7(), ObstacleId = obstacleId, UnitId = unitId, Since = at, DueOn = calendar.DateOf(at).AddDays(options.Value.AnswerWithinDays),
        }, ct);

    /// <summary>A move of a report: a wait begins, ends with an answer, or goes with a withdrawal.</summary>
    public async Task Moved(ObstacleRow row, ObstacleStatus to, Guid? byUnitId, DateTimeOffset at, CancellationToken ct)
    {
        var from = row.StatusValue;
        if (to == ObstacleStatus.Submitted && from != ObstacleStatus.Submitted)
        {
            await Began(row.Id, row.UnitId, at, ct);
        }
        else if (from == ObstacleStatus.Submitted && to == ObstacleStatus.Withdrawn)
        {
            await db.ExecuteAsync(Drop, new { ObstacleId = row.Id }, ct);
        }
        else if (from == ObstacleStatus.Submitted && to != ObstacleStatus.Submitted)
        {
            // While submitted, the row's awaiting_answer_since is the start of the open wait: both are set by the same moves.
            var since = row.AwaitingAnswerSince;
            var on = calendar.DateOf(at);
            await db.ExecuteAsync(End, new
            {
                ObstacleId = row.Id, At = at, On = on, ByUnitId = byUnitId,
                AnswerDays = since is { } start ? on.DayNumber - calendar.DateOf(start).DayNumber : 0,
            }, ct);
        }
    }
}
