using System.ComponentModel.DataAnnotations;
using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.Get;
using ObstacleRegister.Amendments.History;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Amendments.Cancel;

/// <summary>Why the work stops.</summary>
/// <param name="Reason">Up to 2000 characters; public, and kept in the history of the amendment and of its obstacles.</param>
internal sealed record CancelAmendmentBody([property: MaxLength(CancelAmendmentRules.MaxReason)] string? Reason);

/// <summary>Cancels an amendment before it is issued; its obstacles go back to <c>accepted</c>.</summary>
/// <param name="Reason">Trimmed, as the rules accepted it.</param>
internal sealed record CancelAmendment(Guid Id, string? IfMatch, string Reason) : IRequest<VersionedAmendment>;

internal static class CancelAmendmentRules
{
    public const int MaxReason = 2000;

    public static string Check(CancelAmendmentBody? body) => RequestBodies.Check(body, (candidate, errors) =>
    {
        errors.Text("reason", candidate.Reason, MaxReason);
        return errors.Any ? null : candidate.Reason?.Trim();
    });
}

internal sealed class CancelAmendmentHandler(IDbSession db, AmendmentWriter writer, AmendmentHistory history, IMediator mediator, ICaller caller)
    : IRequestHandler<CancelAmendment, VersionedAmendment>
{
    public async Task<VersionedAmendment> Handle(CancelAmendment request, CancellationToken cancellationToken)
    {
        var row = await writer.Load(request.Id, request.IfMatch, cancellationToken);
        var reason = request.Reason;
        var from = row.StatusValue;
        await writer.MoveTo(row, AmendmentStatus.Cancelled, writer.Today, cancellationToken);
        row.CancellationReason = reason;
        await writer.Save(row, cancellationToken);
        await history.Record(row, Actor.Of(caller), AmendmentEvents.Cancelled, from, AmendmentStatus.Cancelled, reason, cancellationToken);

        var obstacleIds = await AmendmentQueries.LinkedObstacleIds(db, row.Id, cancellationToken);
        await mediator.Send(new ReleaseObstaclesFromAmendment(row.Id, obstacleIds, row.Title, reason), cancellationToken);
        return await mediator.Send(new GetAmendment(row.Id), cancellationToken);
    }
}
