using ObstacleRegister.BuildingBlocks.Validation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.Access.Units.List;
using ObstacleRegister.Access.Units.Register;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Security;

namespace ObstacleRegister.Access.Units;

internal static class UnitEndpoints
{
    public static void MapUnits(this IEndpointRouteBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Units");

        units.MapPost("/", async (RegisterUnitBody? body, IMediator mediator, CancellationToken ct) =>
            {
                var unit = await mediator.Send(new RegisterUnit(NewUnitRules.Check(body)), ct);
                return ApiResults.Created($"/api/v1/units/{unit.Id}", unit.ToDto(), unit.Version);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("RegisterUnit")
            .WithSummary("Register a unit")
            .WithDescription("Admin only. The code is stored upper case and must be unique (409 otherwise).")
            .Produces<UnitDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        units.MapGet("/", async ([WireEnum<UnitKind>] string? kind, Guid? parentId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListUnits(QueryValues.Enum<UnitKind>(kind, "kind"), parentId, Cursor.Limit(limit), cursor), ct)))
            .WithName("ListUnits")
            .WithSummary("List units")
            .WithDescription("In code order, paged by cursor. Any key may read.")
            .ProducesValidationProblem();

        units.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var unit = await mediator.Send(new GetUnitById(id), ct);
                return ApiResults.Ok(unit.ToDto(), unit.Version);
            })
            .WithName("GetUnit")
            .WithSummary("Get one unit")
            .WithDescription("Any key may read. The ETag is the unit's version.")
            .Produces<UnitDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
