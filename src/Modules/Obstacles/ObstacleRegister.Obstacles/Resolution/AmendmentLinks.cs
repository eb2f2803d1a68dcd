using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.History;
using ObstacleRegister.Obstacles.Triage;

namespace ObstacleRegister.Obstacles.Resolution;

internal sealed class LinkObstaclesToAmendmentHandler(IDbSession db, ObstacleTransitions transitions, IMediator mediator)
    : IRequestHandler<LinkObstaclesToAmendment, IReadOnlyList<ObstacleSummary>>
{
    public async Task<IReadOnlyList<ObstacleSummary>> Handle(LinkObstaclesToAmendment request, CancellationToken cancellationToken)
    {
        var rows = (await ObstacleQueries.FindMany(db, request.ObstacleIds, cancellationToken)).ToDictionary(r => r.Id);
        var errors = new ValidationErrors();
        for (var i = 0; i < request.ObstacleIds.Count; i++)
        {
            if (!rows.ContainsKey(request.ObstacleIds[i]))
            {
                errors.Add($"obstacleIds[{i}]", Say.NoSuch("obstacle", request.ObstacleIds[i]));
            }
        }

        errors.ThrowIfAny();
        var change = new ObstacleChange(ObstacleStatus.InAmendment, ObstacleEvents.LinkedToAmendment, null)
        {
            RelatedId = request.AmendmentId,
            Because = HistoryReason.TakenOn(request.AmendmentTitle),
        };
        foreach (var id in request.ObstacleIds)
        {
            await transitions.Apply(rows[id], ifMatch: null, change, cancellationToken);
        }

        return await mediator.Send(new GetObstacles(request.ObstacleIds), cancellationToken);
    }
}

internal sealed class ReleaseObstaclesFromAmendmentHandler(IDbSession db, ObstacleTransitions transitions)
    : IRequestHandler<ReleaseObstaclesFromAmendment, int>
{
    public async Task<int> Handle(ReleaseObstaclesFromAmendment request, CancellationToken cancellationToken)
    {
        var change = new ObstacleChange(ObstacleStatus.Accepted, ObstacleEvents.ReleasedFromAmendment, null)
        {
            RelatedId = request.AmendmentId,
            Because = HistoryReason.Released(request.AmendmentTitle, request.CancellationReason),
        };
        var released = 0;
        foreach (var row in await ObstacleQueries.FindMany(db, request.ObstacleIds, cancellationToken))
        {
            // Only what the amendment still holds goes back; nothing else can have moved an in_amendment obstacle.
            if (row.StatusValue == ObstacleStatus.InAmendment)
            {
                await transitions.Apply(row, ifMatch: null, change, cancellationToken);
                released++;
            }
        }

        return released;
    }
}
