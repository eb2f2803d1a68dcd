using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ObstacleRegister.BuildingBlocks.Http;

/// <summary>
/// An action on a versioned resource, <c>POST …/{id}/{action}</c>: the body and the <c>If-Match</c> header go
/// into one command, and the answer is the resource with its new ETag. Triage, amendment stages and the like
/// all take this shape, so they document and answer it the same way.
/// </summary>
public static class VersionedActions
{
    public static RouteHandlerBuilder MapVersionedAction<TBody, TResponse, TResource>(
        this RouteGroupBuilder group, string action, string[] roles, Func<Guid, string?, TBody?, IRequest<TResponse>> command,
        Func<TResponse, (TResource Resource, long Version)> answer)
        where TBody : class =>
        group.MapPost($"/{{id:guid}}/{action}", async (
                Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, [FromBody] TBody? body, IMediator mediator, CancellationToken ct) =>
            {
                var (resource, version) = answer(await mediator.Send(command(id, ifMatch, body), ct));
                return ApiResults.Ok(resource, version);
            })
            .RequireAuthorization(p => p.RequireRole(roles))
            .Produces<TResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
