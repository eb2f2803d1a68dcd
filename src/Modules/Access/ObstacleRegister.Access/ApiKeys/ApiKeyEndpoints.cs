using ObstacleRegister.BuildingBlocks.Validation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObstacleRegister.Access.ApiKeys.Create;
using ObstacleRegister.Access.ApiKeys.List;
using ObstacleRegister.Access.ApiKeys.Revoke;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Security;

namespace ObstacleRegister.Access.ApiKeys;

internal static class ApiKeyEndpoints
{
    public static void MapApiKeys(this IEndpointRouteBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("API keys").RequireAuthorization(p => p.RequireRole(Roles.Admin));

        keys.MapPost("/", async (CreateApiKeyBody? body, IMediator mediator, CancellationToken ct) =>
            {
                var key = await mediator.Send(new CreateApiKey(NewApiKeyRules.Check(body)), ct);
                return TypedResults.Created($"/api/v1/api-keys/{key.Id}", key);
            })
            .WithName("CreateApiKey")
            .WithSummary("Create an API key")
            .WithDescription("Admin only. The response holds the key's secret: it is shown this once and cannot be read again.")
            .Produces<CreatedApiKeyDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        keys.MapGet("/", async (Guid? unitId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListApiKeys(unitId, Cursor.Limit(limit), cursor), ct)))
            .WithName("ListApiKeys")
            .WithSummary("List API keys")
            .WithDescription("Admin only. Secrets are never listed.")
            .ProducesValidationProblem();

        keys.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RevokeApiKey(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key")
            .WithDescription("Admin only. The key stops working with the next request to this instance, and on other instances of the register within Access:KeyCacheLifetime (5 s by default). The last working admin key cannot be revoked (409).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
