using System.ComponentModel.DataAnnotations;
using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.History;
using ObstacleRegister.Amendments.Stages;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Amendments.Progress;

/// <summary>A weekly (or more frequent) check-in.</summary>
/// <param name="Stage">The stage the work is at now: the current one, or a later one to move forward. Absent: unchanged.</param>
/// <param name="Note">What was done since the last check-in, up to 4000 characters.</param>
/// <param name="Blockers">What stands in the way, up to 4000 characters.</param>
/// <param name="ResourcesRequested">What the drafting unit asks for, up to 4000 characters.</param>
internal sealed record ReportProgressBody(
    [property: AcceptsOnly("planned", "drafting", "consultation", "appraisal", "submitted")] AmendmentStatus? Stage,
    [property: MaxLength(NewProgressRules.MaxText)] string? Note, [property: MaxLength(NewProgressRules.MaxText)] string? Blockers, [property: MaxLength(NewProgressRules.MaxText)] string? ResourcesRequested);

/// <summary>The drafting unit reports progress; a later stage moves the amendment forward.</summary>
internal sealed record ReportProgress(Guid Id, string? IfMatch, NewProgress Progress) : IRequest<ProgressDto>;

/// <summary>A check-in as the rules accepted it: trimmed, blank optional texts absent.</summary>
internal sealed record NewProgress(AmendmentStatus? Stage, string Note, string? Blockers, string? ResourcesRequested);

internal static class NewProgressRules
{
    public const int MaxText = 4000;

    public static NewProgress Check(ReportProgressBody? body) => RequestBodies.Check(body, Validate);

    private static NewProgress? Validate(ReportProgressBody body, ValidationErrors errors)
    {
        errors.Text("note", body.Note, MaxText);
        errors.Text("blockers", body.Blockers, MaxText, required: false);
        errors.Text("resourcesRequested", body.ResourcesRequested, MaxText, required: false);
        errors.Defined("stage", body.Stage);
        if (body.Stage is { } stage && Enum.IsDefined(stage) && Array.IndexOf(AmendmentStages.Reportable, stage) < 0)
        {
            errors.Add("stage", Say.Text("Validation.CheckInStage", string.Join(", ", AmendmentStages.Reportable.Select(s => WireNames.Of(s)))));
        }

        return !errors.Any && body.Note is { } note
            ? new NewProgress(body.Stage, note.Trim(), Trimmed(body.Blockers), Trimmed(body.ResourcesRequested))
            : null;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal sealed class ReportProgressHandler(
    IDbSession db, AmendmentWriter writer, AmendmentHistory history, ICaller caller, TimeProvider clock, MediatR.IMediator mediator)
    : IRequestHandler<ReportProgress, ProgressDto>
{
    private const string Insert = """
        INSERT INTO amendment_progress (id, amendment_id, at, stage, note, blockers, resources_requested, key_id, unit_id, person_id)
        VALUES (@Id, @AmendmentId, @At, @Stage, @Note, @Blockers, @ResourcesRequested, @KeyId, @UnitId, @PersonId)
        """;

    public async Task<ProgressDto> Handle(ReportProgress request, CancellationToken cancellationToken)
    {
        var row = await writer.Load(request.Id, request.IfMatch, cancellationToken);
        if (row.DraftingUnitId != caller.UnitId)
        {
            throw new ForbiddenException(Say.Text("Problem.Detail.ProgressDrafterOnly"));
        }

        var checkIn = request.Progress;
        var from = row.StatusValue;
        var stage = checkIn.Stage ?? from;
        await writer.MoveTo(row, stage, writer.Today, cancellationToken);

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, new
        {
            Id = id, AmendmentId = row.Id, At = now, Stage = WireNames.Of(stage), checkIn.Note, checkIn.Blockers,
            checkIn.ResourcesRequested, caller.KeyId, caller.UnitId, caller.PersonId,
        }, cancellationToken);
        row.LastProgressAt = now;
        await writer.Save(row, cancellationToken);
        await history.Record(row, Actor.Of(caller), AmendmentEvents.ProgressReported, from, stage, checkIn.Note, cancellationToken);
        return (await ProgressQueries.Find(db, mediator, row.Id, id, cancellationToken))!;
    }
}
