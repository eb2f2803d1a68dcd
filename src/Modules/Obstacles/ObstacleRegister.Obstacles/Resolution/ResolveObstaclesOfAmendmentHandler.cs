using System.Globalization;
using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.History;
using ObstacleRegister.Obstacles.Triage;

namespace ObstacleRegister.Obstacles.Resolution;

/// <summary>
/// An amendment in force resolves the obstacles it took on, and the duplicates that follow them: their
/// reporters see the result as their own. Runs in the amendment's transaction, so it happens with it or not at all.
/// </summary>
internal sealed class ResolveObstaclesOfAmendmentHandler(IDbSession db, ObstacleTransitions transitions) : IRequestHandler<ResolveObstaclesOfAmendment, Unit>
{
    private const string ResolvedBy = "UPDATE obstacle SET resolved_by_regulation_id = @DocumentId WHERE id IN @Ids";

    private const string Followers = $"SELECT {ObstacleQueries.Columns} FROM obstacle WHERE duplicate_of_id IN @Ids AND status = 'duplicate'";

    public async Task<Unit> Handle(ResolveObstaclesOfAmendment request, CancellationToken cancellationToken)
    {
        if (request.ObstacleIds.Count > 0)
        {
            await Resolve(request, cancellationToken);
        }

        return Unit.Value;
    }

    private async Task Resolve(ResolveObstaclesOfAmendment request, CancellationToken cancellationToken)
    {
        var actor = new Actor(request.ActorKeyId, request.ActorUnitId, request.ActorPersonId);
        var reason = HistoryReason.DocumentInForce(request.DocumentSymbol, request.EffectiveOn, request.Title);
        var resolved = new List<ObstacleRow>();
        foreach (var row in await ObstacleQueries.FindMany(db, request.ObstacleIds, cancellationToken))
        {
            if (row.StatusValue == ObstacleStatus.InAmendment)
            {
                await transitions.Apply(row, ifMatch: null, Resolved(ObstacleEvents.Resolved, reason, request.AmendmentId, actor), cancellationToken);
                resolved.Add(row);
            }
        }

        if (resolved.Count == 0)
        {
            return;
        }

        var masters = resolved.ToDictionary(r => r.Id, r => r.Reference);
        var followers = await db.QueryAsync<ObstacleRow>(Followers, new { Ids = db.Dialect.IdList(masters.Keys) }, cancellationToken);
        foreach (var follower in followers)
        {
            var why = HistoryReason.FollowingMaster(masters[follower.DuplicateOfId!.Value], reason);
            await transitions.Apply(follower, ifMatch: null, Resolved(ObstacleEvents.ResolvedWithMaster, why, request.AmendmentId, actor), cancellationToken);
        }

        // What did not hold in practice is reopened against the document that was meant to remove it.
        await db.ExecuteAsync(ResolvedBy, new { request.DocumentId, Ids = db.Dialect.IdList([.. masters.Keys, .. followers.Select(f => f.Id)]) }, cancellationToken);
    }

    private static ObstacleChange Resolved(string action, HistoryReason reason, Guid amendmentId, Actor actor) =>
        new(ObstacleStatus.Resolved, action, null) { RelatedId = amendmentId, Actor = actor, Because = reason };
}
