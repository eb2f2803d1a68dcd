using ObstacleRegister.Amendments.Contracts;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MediatR;
using ObstacleRegister.Amendments.Get;
using ObstacleRegister.Amendments.History;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Amendments.Deadlines;

/// <summary>A new due date and why.</summary>
/// <param name="DueOn">The new due date for issuance.</param>
/// <param name="Reason">Why it moves, up to 2000 characters; kept in the deadline history.</param>
internal sealed record MoveDeadlineBody(DateOnly? DueOn, [property: MaxLength(NewDeadlineRules.MaxReason)] string? Reason);

/// <summary>The coordinator moves an open amendment's due date; the old one stays in its history.</summary>
internal sealed record MoveDeadline(Guid Id, string? IfMatch, NewDeadline Deadline) : IRequest<VersionedAmendment>;

/// <summary>A deadline move as the rules accepted it.</summary>
internal sealed record NewDeadline(DateOnly DueOn, string Reason);

internal static class NewDeadlineRules
{
    public const int MaxReason = 2000;

    public static NewDeadline Check(MoveDeadlineBody? body) => RequestBodies.Check(body, (candidate, errors) =>
    {
        errors.Required("dueOn", candidate.DueOn);
        errors.Text("reason", candidate.Reason, MaxReason);
        return !errors.Any && candidate is { DueOn: { } dueOn, Reason: { } reason } ? new NewDeadline(dueOn, reason.Trim()) : null;
    });
}

internal sealed class MoveDeadlineHandler(IDbSession db, AmendmentWriter writer, AmendmentHistory history, IMediator mediator, ICaller caller, TimeProvider clock)
    : IRequestHandler<MoveDeadline, VersionedAmendment>
{
    private const string Insert = """
        INSERT INTO amendment_deadline (id, amendment_id, at, previous_due_on, due_on, reason, key_id, unit_id, person_id)
        VALUES (@Id, @AmendmentId, @At, @PreviousDueOn, @DueOn, @Reason, @KeyId, @UnitId, @PersonId)
        """;

    public async Task<VersionedAmendment> Handle(MoveDeadline request, CancellationToken cancellationToken)
    {
        var row = await writer.Load(request.Id, request.IfMatch, cancellationToken);
        var (dueOn, reason) = request.Deadline;
        if (!row.IsOpen)
        {
            throw IllegalTransition.Of(Say.Text("Problem.Detail.MoveOpenOnly", row.Status), row.Status, row.Status);
        }

        if (dueOn == row.DueOn)
        {
            throw RequestValidationException.For("dueOn", Say.Text("Validation.AlreadyDueOn", dueOn));
        }

        var previous = row.DueOn;
        await db.ExecuteAsync(Insert, new
        {
            Id = Guid.CreateVersion7(), AmendmentId = row.Id, At = clock.GetUtcNow(), PreviousDueOn = previous, DueOn = dueOn, Reason = reason,
            caller.KeyId, caller.UnitId, caller.PersonId,
        }, cancellationToken);
        row.DueOn = dueOn;
        await writer.Save(row, cancellationToken);
        await history.Record(row, Actor.Of(caller), AmendmentEvents.DeadlineMoved, row.StatusValue, row.StatusValue, null, cancellationToken,
            new CodedText(AmendmentHistoryCodes.DeadlineMoved, [CodedText.Day(previous), CodedText.Day(dueOn), reason]));
        return await mediator.Send(new GetAmendment(row.Id), cancellationToken);
    }
}
