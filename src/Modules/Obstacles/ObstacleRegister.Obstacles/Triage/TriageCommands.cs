using System.ComponentModel.DataAnnotations;
using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.Get;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Obstacles.Triage;

/// <summary>Optional words that go with a decision.</summary>
/// <param name="Note">Why, up to 2000 characters; kept in the history.</param>
internal sealed record TriageNoteBody([property: MaxLength(TriageRules.MaxNote)] string? Note);

/// <summary>Rejects an obstacle.</summary>
/// <param name="Reason">The reasoned answer, up to 4000 characters. It is public: the reporter and the public read it.</param>
internal sealed record RejectBody([property: MaxLength(TriageRules.MaxReason)] string? Reason);

/// <summary>Marks an obstacle as a duplicate.</summary>
/// <param name="DuplicateOfId">The obstacle it repeats. A duplicate of a duplicate is pointed at the master.</param>
/// <param name="Note">Why, up to 2000 characters.</param>
internal sealed record DuplicateBody(Guid? DuplicateOfId, [property: MaxLength(TriageRules.MaxNote)] string? Note);

internal sealed record AcceptObstacle(Guid Id, string? IfMatch, string? Note) : IRequest<VersionedObstacle>;

internal sealed record RejectObstacle(Guid Id, string? IfMatch, string Reason) : IRequest<VersionedObstacle>;

internal sealed record WithdrawObstacle(Guid Id, string? IfMatch, string? Note) : IRequest<VersionedObstacle>;

/// <summary>A duplicate marking as the rules accepted it.</summary>
internal sealed record DuplicateOf(Guid MasterId, string? Note);

/// <summary>What triage bodies must satisfy; each gives the trimmed values its command carries.</summary>
internal static class TriageRules
{
    public const int MaxNote = 2000;
    public const int MaxReason = 4000;

    /// <summary>The optional note of an acceptance or a withdrawal: the body itself may be absent.</summary>
    public static string? Note(TriageNoteBody? body) => RequestBodies.OptionalText("note", body?.Note, MaxNote);

    public static string Reason(RejectBody? body) => RequestBodies.Check(body, (candidate, errors) =>
    {
        errors.Text("reason", candidate.Reason, MaxReason);
        return errors.Any ? null : candidate.Reason?.Trim();
    });

    public static DuplicateOf Duplicate(DuplicateBody? body) => RequestBodies.Check(body, (candidate, errors) =>
    {
        errors.Required("duplicateOfId", candidate.DuplicateOfId);
        errors.Text("note", candidate.Note, MaxNote, required: false);
        return !errors.Any && candidate.DuplicateOfId is { } masterId ? new DuplicateOf(masterId, candidate.Note?.Trim()) : null;
    });
}

internal sealed class AcceptObstacleHandler(ObstacleTransitions transitions, IMediator mediator) : IRequestHandler<AcceptObstacle, VersionedObstacle>
{
    public async Task<VersionedObstacle> Handle(AcceptObstacle request, CancellationToken cancellationToken)
    {
        var row = await transitions.Load(request.Id, cancellationToken);
        await transitions.Apply(row, request.IfMatch, new ObstacleChange(ObstacleStatus.Accepted, ObstacleEvents.Accepted, request.Note), cancellationToken);
        return await mediator.Send(new GetObstacle(row.Id), cancellationToken);
    }
}

internal sealed class RejectObstacleHandler(ObstacleTransitions transitions, IMediator mediator) : IRequestHandler<RejectObstacle, VersionedObstacle>
{
    public async Task<VersionedObstacle> Handle(RejectObstacle request, CancellationToken cancellationToken)
    {
        var reason = request.Reason;
        var row = await transitions.Load(request.Id, cancellationToken);
        await transitions.Apply(row, request.IfMatch, new ObstacleChange(ObstacleStatus.Rejected, ObstacleEvents.Rejected, reason) { Answer = reason }, cancellationToken);
        return await mediator.Send(new GetObstacle(row.Id), cancellationToken);
    }
}

/// <summary>The reporting unit takes its obstacle back before it is accepted.</summary>
internal sealed class WithdrawObstacleHandler(ObstacleTransitions transitions, IMediator mediator, ICaller caller)
    : IRequestHandler<WithdrawObstacle, VersionedObstacle>
{
    public async Task<VersionedObstacle> Handle(WithdrawObstacle request, CancellationToken cancellationToken)
    {
        var row = await transitions.Load(request.Id, cancellationToken);
        if (row.UnitId != caller.UnitId)
        {
            throw new ForbiddenException(Say.Text("Problem.Detail.WithdrawOwnOnly"));
        }

        await transitions.Apply(row, request.IfMatch, new ObstacleChange(ObstacleStatus.Withdrawn, ObstacleEvents.Withdrawn, request.Note), cancellationToken);
        return await mediator.Send(new GetObstacle(row.Id), cancellationToken);
    }
}
