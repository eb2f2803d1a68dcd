using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObstacleRegister.Access.ApiKeys;
using ObstacleRegister.Access.Units;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Security;

namespace ObstacleRegister.Access.Me;

/// <summary>The key a request was made with, and its unit: what any key may know about itself.</summary>
/// <param name="KeyId">The key's id, as history entries name it.</param>
/// <param name="Prefix">The key's visible prefix (never the secret).</param>
internal sealed record MeDto(Guid KeyId, string Name, string Prefix, IReadOnlyList<ApiKeyRole> Roles, DateTimeOffset CreatedAt, UnitDto Unit);

internal sealed record WhoAmI : IQuery<MeDto>;

internal sealed class WhoAmIHandler(IDbSession db, ICaller caller) : IRequestHandler<WhoAmI, MeDto>
{
    private const string Key = $"SELECT {ApiKeyQueries.Columns} FROM api_key WHERE id = @Id";

    public async Task<MeDto> Handle(WhoAmI request, CancellationToken cancellationToken)
    {
        var key = await db.QuerySingleOrDefaultAsync<ApiKeyRow>(Key, new { Id = caller.KeyId }, cancellationToken)
            ?? throw new BuildingBlocks.Errors.NotFoundException("API key", caller.KeyId?.ToString() ?? "");
        var unit = await UnitQueries.Get(db, key.UnitId, cancellationToken);
        return new MeDto(key.Id, key.Name, key.Prefix, key.RoleList, key.CreatedAt, unit.ToDto());
    }
}

internal static class MeEndpoints
{
    public static void MapMe(this IEndpointRouteBuilder api) =>
        api.MapGet("/me", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new WhoAmI(), ct)))
            .WithTags("API keys")
            .WithName("GetMe")
            .WithSummary("The calling key and its unit")
            .WithDescription("Any key: its id, name, prefix and roles, and the unit it belongs to. Useful to check a key's set-up, " +
                "and for a reporter's system to learn the unit id its filters and reports take.");
}
