using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Telemetry;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.History;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Obstacles.Triage;

/// <summary>
/// The life cycle: submitted → accepted | rejected | duplicate | withdrawn, or needs_information while the coordinator
/// waits for the reporting unit's answer (then back to submitted, or decided as it stands); accepted → in_amendment →
/// resolved, or back to accepted when the amendment is cancelled; a duplicate is resolved with its master.
/// </summary>
internal static class ObstacleLifecycle
{
    private static readonly Dictionary<ObstacleStatus, ObstacleStatus[]> Allowed = new()
    {
        [ObstacleStatus.Submitted] =
            [ObstacleStatus.Accepted, ObstacleStatus.Rejected, ObstacleStatus.Duplicate, ObstacleStatus.Withdrawn, ObstacleStatus.NeedsInformation],
        [ObstacleStatus.NeedsInformation] =
            [ObstacleStatus.Submitted, ObstacleStatus.Accepted, ObstacleStatus.Rejected, ObstacleStatus.Duplicate, ObstacleStatus.Withdrawn],
        [ObstacleStatus.Accepted] = [ObstacleStatus.InAmendment],
        [ObstacleStatus.InAmendment] = [ObstacleStatus.Resolved, ObstacleStatus.Accepted],
        [ObstacleStatus.Duplicate] = [ObstacleStatus.Resolved],
        [ObstacleStatus.Rejected] = [],
        [ObstacleStatus.Withdrawn] = [],
        [ObstacleStatus.Resolved] = [],
    };

    public static bool CanMove(ObstacleStatus from, ObstacleStatus to) => Allowed[from].Contains(to);

    public static void EnsureCanMove(ObstacleRow row, ObstacleStatus to)
    {
        var from = row.StatusValue;
        if (CanMove(from, to))
        {
            return;
        }

        throw IllegalTransition.Of(
            Say.Text("Problem.Detail.ObstacleCannotBecome", row.Reference, WireNames.Of(from), WireNames.Of(to)), WireNames.Of(from), WireNames.Of(to));
    }
}

/// <summary>A move to make: the status, what to call it in the history and why; what else it sets; who made it.</summary>
internal sealed record ObstacleChange(ObstacleStatus To, string Action, string? Reason)
{
    public string? Answer { get; init; }

    public Guid? DuplicateOfId { get; init; }

    /// <summary>The other obstacle or the amendment involved; the master, for a duplicate, when absent.</summary>
    public Guid? RelatedId { get; init; }

    /// <summary>Who the history names; the caller's key when absent.</summary>
    public Actor? Actor { get; init; }

    /// <summary>What the register says about a step it takes itself, instead of a person's <see cref="Reason"/>.</summary>
    public History.HistoryReason? Because { get; init; }
}

/// <summary>Moves an obstacle to a new status: checks the version and the life cycle, writes, records history.</summary>
internal sealed class ObstacleTransitions(
    IDbSession db, ObstacleHistory history, Reporting.HotspotTally hotspots, Clocks.AnswerWaits waits, ICaller caller, TimeProvider clock,
    RegisterMetrics metrics)
{
    private const string Move = """
        UPDATE obstacle
        SET status = @To, answer = @Answer, duplicate_of_id = @DuplicateOfId, updated_at = @Now, version = version + 1,
            awaiting_answer_since = CASE WHEN @To IN ('submitted', 'needs_information') THEN @Now ELSE awaiting_answer_since END,
            resolved_at = CASE WHEN @To = 'resolved' THEN @Now ELSE resolved_at END
        WHERE id = @Id AND version = @Version
        """;

    public Task<ObstacleRow> Load(Guid id, CancellationToken ct) => ObstacleQueries.Get(db, id, ct);

    /// <summary>412 when the caller's If-Match is stale, 409 when the life cycle forbids the move; otherwise moves and records it.</summary>
    public async Task Apply(ObstacleRow row, string? ifMatch, ObstacleChange change, CancellationToken ct)
    {
        Versions.EnsureMatches(ifMatch, row.Version);
        ObstacleLifecycle.EnsureCanMove(row, change.To);
        var now = clock.GetUtcNow();
        var changed = await db.ExecuteAsync(Move, new
        {
            row.Id,
            row.Version,
            To = WireNames.Of(change.To),
            Answer = change.Answer ?? row.Answer,
            DuplicateOfId = change.DuplicateOfId ?? row.DuplicateOfId,
            Now = now,
        }, ct);
        if (changed == 0)
        {
            throw new PreconditionFailedException(row.Version + 1);
        }

        await waits.Moved(row, change.To, (change.Actor ?? Actor.Of(caller)).UnitId, now, ct);

        await hotspots.Moved(row, change.To, (change.DuplicateOfId ?? row.DuplicateOfId) is not null, ct);
        await history.Record(
            change.Actor ?? Actor.Of(caller), row, change.Action, row.StatusValue, change.To, change.Reason, change.RelatedId ?? change.DuplicateOfId, ct,
            change.Because);
        if (change.To is ObstacleStatus.Accepted or ObstacleStatus.Rejected or ObstacleStatus.Duplicate)
        {
            db.AfterCommit(() => metrics.ObstacleTriaged(WireNames.Of(change.To)));
        }
    }
}
