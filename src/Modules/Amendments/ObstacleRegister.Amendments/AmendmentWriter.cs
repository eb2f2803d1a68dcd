using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.Stages;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Http;

namespace ObstacleRegister.Amendments;

/// <summary>
/// What every change to an amendment shares: load it for a change (404, 412 on a stale If-Match), move it
/// along the process, and save it only if nobody changed it meanwhile.
/// </summary>
internal sealed class AmendmentWriter(IDbSession db, TimeProvider clock, AmendmentClock calendar, Forecasts.StagePaceLog pace)
{
    private const string Update = """
        UPDATE amendment
        SET status = @Status, is_open = @IsOpen, due_on = @DueOn, last_progress_at = @LastProgressAt,
            document_symbol = @DocumentSymbol, issued_regulation_id = @IssuedRegulationId, issued_on = @IssuedOn,
            effective_on = @EffectiveOn, cancellation_reason = @CancellationReason, updated_at = @UpdatedAt, version = @Version + 1
        WHERE id = @Id AND version = @Version
        """;

    private const string Reached = "UPDATE amendment_stage SET reached_on = @On WHERE amendment_id = @Id AND stage = @Stage AND reached_on IS NULL";

    public async Task<AmendmentRow> Load(Guid id, string? ifMatch, CancellationToken ct)
    {
        var row = await AmendmentQueries.Get(db, id, ct);
        Versions.EnsureMatches(ifMatch, row.Version);
        return row;
    }

    /// <summary>Moves to a later stage (checked against the process) and dates it; staying at the same stage changes nothing.</summary>
    public async Task MoveTo(AmendmentRow row, AmendmentStatus to, DateOnly on, CancellationToken ct)
    {
        AmendmentStages.EnsureCanMove(row, to);
        await pace.Left(row, to, on, ct);
        row.Status = WireNames.Of(to);
        row.IsOpen = AmendmentStages.IsOpen(to);
        await db.ExecuteAsync(Reached, new { row.Id, Stage = WireNames.Of(to), On = on }, ct);
    }

    /// <summary>Writes the row's changes; 412 when another request changed the amendment since it was loaded.</summary>
    public async Task Save(AmendmentRow row, CancellationToken ct)
    {
        row.UpdatedAt = clock.GetUtcNow();
        if (await db.ExecuteAsync(Update, row, ct) == 0)
        {
            throw new PreconditionFailedException(row.Version + 1);
        }

        row.Version++;
    }

    public DateOnly Today => calendar.Today;

    public DateOnly DateOf(DateTimeOffset instant) => calendar.DateOf(instant);
}
