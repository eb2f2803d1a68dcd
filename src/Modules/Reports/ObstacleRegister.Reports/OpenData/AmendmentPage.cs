using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Reports.Public;

namespace ObstacleRegister.Reports.OpenData;

/// <summary>An amendment for the public: who drafts it and answers for it, by when, the stages it went through, what it targets and issued, the public obstacles it takes on.</summary>
internal sealed record AmendmentPage(
    PublicAmendment Amendment, RegulationSummary? Target, RegulationSummary? Issued, IReadOnlyList<AmendmentStep> Timeline,
    IReadOnlyList<PublicObstacleFacts> Obstacles, IReadOnlyDictionary<Guid, PublicUnit> Units);

internal sealed record LoadAmendmentPage(Guid Id) : IQuery<AmendmentPage>;

internal sealed class LoadAmendmentPageHandler(IMediator mediator) : IRequestHandler<LoadAmendmentPage, AmendmentPage>
{
    public async Task<AmendmentPage> Handle(LoadAmendmentPage request, CancellationToken cancellationToken)
    {
        var found = await mediator.Send(new GetPublicAmendments([request.Id]), cancellationToken);
        var amendment = found.Count > 0 ? found[0] : throw new NotFoundException("amendment", request.Id);
        var documents = (await mediator.Send(new GetRegulations([.. new[] { amendment.RegulationId, amendment.IssuedRegulationId ?? Guid.Empty }.Where(id => id != Guid.Empty)]), cancellationToken))
            .ToDictionary(r => r.Id);
        var timeline = await mediator.Send(new GetPublicAmendmentTimeline(amendment.Id), cancellationToken);
        var obstacleIds = await mediator.Send(new GetObstacleIdsOfAmendment(amendment.Id), cancellationToken);
        var obstacles = (await mediator.Send(new GetPublicObstacleFacts(obstacleIds), cancellationToken)).Where(o => o.IsPublic).OrderBy(o => o.Seq).ToList();
        var units = await Names.Units(mediator, obstacles.Select(o => o.UnitId).Append(amendment.DraftingUnitId), cancellationToken);
        return new AmendmentPage(
            amendment, documents.GetValueOrDefault(amendment.RegulationId),
            amendment.IssuedRegulationId is { } issued ? documents.GetValueOrDefault(issued) : null, timeline, obstacles, units);
    }
}
