using MediatR;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.Get;
using ObstacleRegister.Amendments.History;
using ObstacleRegister.Amendments.Link;
using ObstacleRegister.Amendments.Stages;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Idempotency;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Amendments.Open;

/// <summary>Opens an amendment; the obstacles it names move to <c>in_amendment</c>.</summary>
internal sealed record OpenAmendment(NewAmendment Amendment) : IIdempotentCommand<VersionedAmendment>
{
    public CommandResponse Describe(VersionedAmendment response) =>
        new(201, $"/api/v1/amendments/{response.Amendment.Id}", response.Version, response.Amendment);
}

internal sealed class OpenAmendmentHandler(
    IDbSession db, IMediator mediator, ObstacleLinks links, AmendmentHistory history, ICaller caller, TimeProvider clock, AmendmentClock calendar)
    : IRequestHandler<OpenAmendment, VersionedAmendment>
{
    private const string Insert = """
        INSERT INTO amendment (id, regulation_id, kind, title, drafting_unit_id, official_name, official_position, official_email, official_email_key, shortened_procedure,
                               status, is_open, due_on, original_due_on, last_progress_at, created_at, updated_at, version)
        VALUES (@Id, @RegulationId, @Kind, @Title, @DraftingUnitId, @OfficialName, @OfficialPosition, @OfficialEmail, @OfficialEmailKey, @ShortenedProcedure,
                @Status, @IsOpen, @DueOn, @OriginalDueOn, @LastProgressAt, @CreatedAt, @UpdatedAt, @Version)
        """;

    private const string InsertStage = "INSERT INTO amendment_stage (amendment_id, stage, planned_on, reached_on) VALUES (@Id, @Stage, @PlannedOn, @ReachedOn)";

    private const string InsertDeadline = """
        INSERT INTO amendment_deadline (id, amendment_id, at, previous_due_on, due_on, reason, reason_code, key_id, unit_id, person_id)
        VALUES (@Id, @AmendmentId, @At, NULL, @DueOn, '', @ReasonCode, @KeyId, @UnitId, @PersonId)
        """;

    private static readonly RegulationStatus[] NothingLeftToChange = [RegulationStatus.Replaced, RegulationStatus.Repealed, RegulationStatus.Expired];

    public async Task<VersionedAmendment> Handle(OpenAmendment request, CancellationToken cancellationToken)
    {
        var amendment = request.Amendment;
        await EnsureTargetAndUnit(amendment, cancellationToken);
        var now = clock.GetUtcNow();
        var official = amendment.ResponsibleOfficial;
        var row = new AmendmentRow
        {
            Id = Guid.CreateVersion7(), RegulationId = amendment.RegulationId, Kind = WireNames.Of(amendment.Kind), Title = amendment.Title,
            DraftingUnitId = amendment.DraftingUnitId, OfficialName = official.Name, OfficialPosition = official.Position, OfficialEmail = official.Email,
            OfficialEmailKey = OfficialEmails.Key(official.Email),
            ShortenedProcedure = amendment.ShortenedProcedure, Status = WireNames.Of(AmendmentStatus.Planned), IsOpen = true, DueOn = amendment.DueOn,
            OriginalDueOn = amendment.DueOn, LastProgressAt = now, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        await db.ExecuteAsync(Insert, row, cancellationToken);
        await db.ExecuteAsync(InsertStage, AmendmentStages.Process.Select(stage => new
        {
            row.Id,
            Stage = WireNames.Of(stage),
            PlannedOn = amendment.PlannedDates?.For(stage),
            ReachedOn = stage == AmendmentStatus.Planned ? calendar.Today : (DateOnly?)null,
        }), cancellationToken);
        await db.ExecuteAsync(InsertDeadline, new
        {
            Id = Guid.CreateVersion7(), AmendmentId = row.Id, At = now, row.DueOn, ReasonCode = DeadlineReasons.Opened, caller.KeyId, caller.UnitId, caller.PersonId,
        }, cancellationToken);
        await history.Record(row, Actor.Of(caller), AmendmentEvents.Opened, null, AmendmentStatus.Planned, row.Title, cancellationToken);
        await links.Link(row, amendment.ObstacleIds, cancellationToken);
        return await mediator.Send(new GetAmendment(row.Id), cancellationToken);
    }

    private async Task EnsureTargetAndUnit(NewAmendment amendment, CancellationToken ct)
    {
        var target = await mediator.Send(new GetRegulation(amendment.RegulationId), ct)
            ?? throw RequestValidationException.For("regulationId", Say.NoSuch("regulation", amendment.RegulationId));
        if (NothingLeftToChange.Contains(target.Status))
        {
            throw RequestValidationException.For("regulationId", Say.Text("Validation.NothingToAmend", target.Symbol, WireNames.Of(target.Status)));
        }

        if (await mediator.Send(new GetUnit(amendment.DraftingUnitId), ct) is null)
        {
            throw RequestValidationException.For("draftingUnitId", Say.NoSuch("unit", amendment.DraftingUnitId));
        }
    }
}
