using System.ComponentModel.DataAnnotations;
using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.Get;
using ObstacleRegister.Obstacles.Triage;

namespace ObstacleRegister.Obstacles.Questions;

/// <summary>What the coordinator needs to know before deciding.</summary>
/// <param name="Question">The question, up to 2000 characters. The reporting unit reads it in the obstacle's thread and history.</param>
internal sealed record InformationRequestBody([property: MaxLength(TriageRules.MaxNote)] string? Question);

internal sealed record RequestInformation(Guid Id, string? IfMatch, string Question) : IRequest<VersionedObstacle>;

internal static class InformationRequestRules
{
    public static string Question(InformationRequestBody? body) => RequestBodies.Check(body, (candidate, errors) =>
    {
        errors.Text("question", candidate.Question, TriageRules.MaxNote);
        return errors.Any ? null : candidate.Question?.Trim();
    });
}

/// <summary>The coordinator asks the reporting unit for more: the obstacle waits in needs_information until it answers.</summary>
/// <remarks>The question is emailed to the reporting unit's contact address, in the same transaction (the outbox).</remarks>
internal sealed class RequestInformationHandler(ObstacleTransitions transitions, ObstacleThread thread, IMediator mediator)
    : IRequestHandler<RequestInformation, VersionedObstacle>
{
    public async Task<VersionedObstacle> Handle(RequestInformation request, CancellationToken cancellationToken)
    {
        var row = await transitions.Load(request.Id, cancellationToken);
        await transitions.Apply(
            row, request.IfMatch, new ObstacleChange(ObstacleStatus.NeedsInformation, ObstacleEvents.InformationRequested, request.Question), cancellationToken);
        var questionId = await thread.Add(row, CommentKinds.Question, request.Question, cancellationToken);
        var unit = await mediator.Send(new Access.Contracts.GetUnit(row.UnitId), cancellationToken);
        var message = new Notifications.Contracts.InformationRequestMessage(row.Reference, row.Title, request.Question, $"api/v1/obstacles/{row.Id}/comments");
        await mediator.Send(new Notifications.Contracts.QueueEmail(message, questionId, unit?.ContactEmail is { } to ? [to] : []), cancellationToken);
        return await mediator.Send(new GetObstacle(row.Id), cancellationToken);
    }
}
