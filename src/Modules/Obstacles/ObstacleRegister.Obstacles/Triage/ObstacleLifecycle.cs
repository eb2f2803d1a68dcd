using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.History;

namespace ObstacleRegister.Obstacles.Triage;

/// <summary>
/// The life cycle: submitted → accepted | rejected | duplicate | withdrawn; accepted → in_amendment →
/// resolved, or back to accepted when the amendment is cancelled; a duplicate is resolved with its master.
/// </summary>
internal static class ObstacleLifecycle
{
    private static readonly Dictionary<ObstacleStatus, ObstacleStatus[]> Allowed = new()
    {
        [ObstacleStatus.Submitted] = [ObstacleStatus.Accepted, ObstacleStatus.Rejected, ObstacleStatus.Duplicate, ObstacleStatus.Withdrawn],
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

        var problem = new ConflictException(ProblemTypes.IllegalTransition, "Illegal transition",
            $"Obstacle {row.Reference} is {WireNames.Of(from)}; it cannot become {WireNames.Of(to)}.");
        problem.Extensions["currentStatus"] = WireNames.Of(from);
        problem.Extensions["requestedStatus"] = WireNames.Of(to);
        throw problem;
    }
}

/// <summary>Moves an obstacle to a new status: checks the version and the life cycle, writes, records history.</summary>
internal sealed class ObstacleTransitions(IDbSession db, ICaller caller, TimeProvider clock)
{
    private const string Move = """
        UPDATE obstacle
        SET status = @To, answer = @Answer, duplicate_of_id = @DuplicateOfId, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    public Task<ObstacleRow> Load(Guid id, CancellationToken ct) => ObstacleQueries.Get(db, id, ct);

    /// <summary>412 when the caller's If-Match is stale, 409 when the life cycle forbids the move; otherwise moves and records it.</summary>
    public async Task Apply(
        ObstacleRow row, string? ifMatch, ObstacleStatus to, string action, string? reason, CancellationToken ct,
        string? answer = null, Guid? duplicateOfId = null)
    {
        Versions.EnsureMatches(ifMatch, row.Version);
        ObstacleLifecycle.EnsureCanMove(row, to);
        var changed = await db.ExecuteAsync(Move, new
        {
            row.Id,
            row.Version,
            To = WireNames.Of(to),
            Answer = answer ?? row.Answer,
            DuplicateOfId = duplicateOfId ?? row.DuplicateOfId,
            Now = clock.GetUtcNow(),
        }, ct);
        if (changed == 0)
        {
            throw new PreconditionFailedException(row.Version + 1);
        }

        await ObstacleHistory.Record(db, caller, clock, row.Id, action, row.StatusValue, to, reason, duplicateOfId, ct);
    }
}
