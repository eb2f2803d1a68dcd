using System.Globalization;
using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.History;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Amendments.Issue;

/// <summary>
/// issued → in_force, and the cascade: the obstacles it took on are resolved and the target's status changes,
/// both asked of their modules inside the same transaction, so with it or not at all.
/// </summary>
internal sealed class InForceTransition(AmendmentWriter writer, AmendmentHistory history, IDbSession db, IMediator mediator)
{
    public async Task Enter(AmendmentRow row, Actor actor, CancellationToken ct)
    {
        var effectiveOn = row.EffectiveOn!.Value;
        await writer.MoveTo(row, AmendmentStatus.InForce, effectiveOn, ct);
        await writer.Save(row, ct);
        await history.Record(row, actor, AmendmentEvents.EnteredIntoForce, AmendmentStatus.Issued, AmendmentStatus.InForce, null, ct,
            new CodedText(AmendmentHistoryCodes.EnteredIntoForce, [row.DocumentSymbol!, CodedText.Day(effectiveOn)]));
        var obstacleIds = await AmendmentQueries.LinkedObstacleIds(db, row.Id, ct);
        await mediator.Send(new ResolveObstaclesOfAmendment(
            row.Id, row.Title, row.IssuedRegulationId!.Value, row.DocumentSymbol!, effectiveOn, obstacleIds, actor.KeyId, actor.UnitId, actor.PersonId), ct);
        await mediator.Send(new ApplyIssuedDocumentInForce(row.RegulationId, row.IssuedRegulationId!.Value, row.Id), ct);
    }
}
