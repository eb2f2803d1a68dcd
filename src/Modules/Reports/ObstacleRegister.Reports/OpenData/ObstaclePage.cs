using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Reports.Public;

namespace ObstacleRegister.Reports.OpenData;

/// <summary>
/// A public obstacle (answered, in an amendment or resolved): its public fields, the provisions it cites, its timeline,
/// the amendments that took it on and the document that resolved it. A report still waiting for its answer has no page.
/// </summary>
internal sealed record ObstaclePage(
    PublicObstacleFacts Obstacle, PublicUnit? Unit, IReadOnlyList<PublicObstacleStep> Timeline, IReadOnlyDictionary<Guid, RegulationSummary> Regulations,
    IReadOnlyList<AmendmentSummary> Amendments, PublicObstacleFacts? Master)
{
    /// <summary>The document whose entry into force resolved it (its master's, for a duplicate).</summary>
    public RegulationSummary? ResolvedBy =>
        Obstacle.Status != ObstacleStatus.Resolved ? null
        : Amendments.Where(a => a.Status == AmendmentStatus.InForce && a.IssuedRegulationId is not null)
            .Select(a => Regulations.GetValueOrDefault(a.IssuedRegulationId!.Value)).FirstOrDefault(r => r is not null);
}

internal sealed record LoadObstaclePage(Guid Id) : IQuery<ObstaclePage>;

internal sealed class LoadObstaclePageHandler(IMediator mediator) : IRequestHandler<LoadObstaclePage, ObstaclePage>
{
    public async Task<ObstaclePage> Handle(LoadObstaclePage request, CancellationToken cancellationToken)
    {
        var obstacle = (await mediator.Send(new GetPublicObstacleFacts([request.Id]), cancellationToken)).FirstOrDefault(o => o.IsPublic)
            ?? throw new NotFoundException("obstacle", request.Id);
        var master = obstacle.DuplicateOfId is { } masterId
            ? (await mediator.Send(new GetPublicObstacleFacts([masterId]), cancellationToken)).FirstOrDefault(o => o.IsPublic)
            : null;
        var amendments = (await mediator.Send(new GetAmendmentsOfObstacles([obstacle.DuplicateOfId ?? obstacle.Id]), cancellationToken))
            .Select(r => r.Amendment).OrderByDescending(a => a.DueOn).ToList();
        var regulationIds = obstacle.Citations.Select(c => c.RegulationId)
            .Concat(amendments.SelectMany(a => new[] { a.RegulationId, a.IssuedRegulationId ?? Guid.Empty })).Where(id => id != Guid.Empty);
        var regulations = (await mediator.Send(new GetRegulations([.. regulationIds.Distinct()]), cancellationToken)).ToDictionary(r => r.Id);
        var units = await Names.Units(mediator, [obstacle.UnitId], cancellationToken);
        var timeline = await mediator.Send(new GetPublicObstacleTimeline(obstacle.Id), cancellationToken);
        return new ObstaclePage(obstacle, units.GetValueOrDefault(obstacle.UnitId), timeline, regulations, amendments, master);
    }
}
