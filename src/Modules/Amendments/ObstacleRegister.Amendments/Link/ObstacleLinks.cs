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
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Amendments.Link;

/// <summary>More obstacles for an open amendment to resolve.</summary>
/// <param name="ObstacleIds">One to 200 accepted obstacles, none already in an open amendment.</param>
internal sealed record LinkObstaclesBody([property: MinLength(1), MaxLength(ObstacleLinks.MaxPerRequest)] IReadOnlyList<Guid>? ObstacleIds);

/// <summary>Links obstacles to an open amendment; they move to <c>in_amendment</c>.</summary>
/// <param name="ObstacleIds">As the rules accepted them: one to 200, none twice.</param>
internal sealed record LinkObstacles(Guid Id, string? IfMatch, IReadOnlyList<Guid> ObstacleIds) : IRequest<VersionedAmendment>;

internal static class LinkObstaclesRules
{
    public static IReadOnlyList<Guid> Check(LinkObstaclesBody? body) => RequestBodies.Check(body, (candidate, errors) =>
    {
        if (errors.Required("obstacleIds", candidate.ObstacleIds))
        {
            ObstacleLinks.Validate(candidate.ObstacleIds, errors, required: true);
        }

        return errors.Any ? null : candidate.ObstacleIds;
    });
}

internal sealed class LinkObstaclesHandler(AmendmentWriter writer, ObstacleLinks links, IMediator mediator) : IRequestHandler<LinkObstacles, VersionedAmendment>
{
    public async Task<VersionedAmendment> Handle(LinkObstacles request, CancellationToken cancellationToken)
    {
        var row = await writer.Load(request.Id, request.IfMatch, cancellationToken);
        if (!row.IsOpen)
        {
            throw BuildingBlocks.Errors.IllegalTransition.Of(
                Say.Text("Problem.Detail.LinkOpenOnly", row.Status), row.Status, row.Status);
        }

        await links.Link(row, request.ObstacleIds, cancellationToken);
        await writer.Save(row, cancellationToken);
        return await mediator.Send(new GetAmendment(row.Id), cancellationToken);
    }
}

/// <summary>Ties obstacles to an amendment: Obstacles moves them to in_amendment, the link and the history are kept here.</summary>
internal sealed class ObstacleLinks(IDbSession db, IMediator mediator, AmendmentHistory history, ICaller caller, TimeProvider clock)
{
    public const int MaxPerRequest = 200;

    private const string Insert = "INSERT INTO amendment_obstacle (amendment_id, obstacle_id, linked_at) VALUES (@AmendmentId, @ObstacleId, @LinkedAt)";

    public static void Validate(IReadOnlyList<Guid>? ids, ValidationErrors errors, bool required)
    {
        if (ids is null)
        {
            return;
        }

        if (required && ids.Count == 0)
        {
            errors.Add("obstacleIds", Say.Text("Validation.ObstacleIdsRequired"));
        }
        else if (ids.Count > MaxPerRequest)
        {
            errors.Add("obstacleIds", Say.Text("Validation.ObstacleIdsTooMany", MaxPerRequest, ids.Count));
        }
        else if (ids.Distinct().Count() != ids.Count)
        {
            errors.Add("obstacleIds", Say.Text("Validation.ObstacleIdsRepeated"));
        }
    }

    public async Task Link(AmendmentRow row, IReadOnlyList<Guid> obstacleIds, CancellationToken ct)
    {
        if (obstacleIds.Count == 0)
        {
            return;
        }

        var linked = await mediator.Send(new LinkObstaclesToAmendment(row.Id, row.Title, obstacleIds), ct);
        var now = clock.GetUtcNow();
        await db.ExecuteAsync(Insert, obstacleIds.Select(id => new { AmendmentId = row.Id, ObstacleId = id, LinkedAt = now }), ct);
        var status = row.StatusValue;
        await history.Record(row, Actor.Of(caller), AmendmentEvents.ObstaclesLinked, status, status, string.Join(", ", linked.Select(o => o.Reference)), ct);
    }
}
