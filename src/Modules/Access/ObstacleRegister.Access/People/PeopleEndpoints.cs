using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Security;

namespace ObstacleRegister.Access.People;

internal static class PeopleEndpoints
{
    public static void MapPeople(this IEndpointRouteBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People").RequireAuthorization(p => p.RequireRole(Roles.Admin));

        people.MapPost("/", async (PersonBody? body, IMediator mediator, CancellationToken ct) =>
            {
                var person = await mediator.Send(new AddPerson(PersonRules.Check(body)), ct);
                return ApiResults.Created($"/api/v1/people/{person.Id}", person.ToDto(), person.Version);
            })
            .WithName("AddPerson")
            .WithSummary("Add a person")
            .WithDescription("Admin only. The register's record of someone who works in it: their unit, and roles as an API key's. " +
                "The address is theirs alone among the people not removed, in any case (409 otherwise).")
            .Produces<PersonDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        people.MapGet("/", async (Guid? unitId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPeople(unitId, Cursor.Limit(limit), cursor), ct)))
            .WithName("ListPeople")
            .WithSummary("List people")
            .WithDescription("Admin only. Oldest first, paged by cursor; removed people are not listed.")
            .ProducesValidationProblem();

        people.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var person = await mediator.Send(new GetPerson(id), ct);
                return ApiResults.Ok(person.ToDto(), person.Version);
            })
            .WithName("GetPerson")
            .WithSummary("Get one person")
            .WithDescription("Admin only. The ETag is the person's version, to send as If-Match.")
            .Produces<PersonDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        people.MapPatch("/{id:guid}", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, HttpRequest http, IMediator mediator, CancellationToken ct) =>
            {
                var person = await mediator.Send(new ChangePerson(id, ifMatch, await MergePatch.Read(http, ct)), ct);
                return ApiResults.Ok(person.ToDto(), person.Version);
            })
            .Accepts<PersonBody>(MergePatch.MediaType, "application/json")
            .WithName("ChangePerson")
            .WithSummary("Change a person")
            .WithDescription("Admin only. A JSON merge patch (RFC 7396) of the person: name, email, unitId, roles; the result passes the " +
                "same rules as an addition. Send the ETag as If-Match: 412 when the person changed since.")
            .Produces<PersonDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        people.MapDelete("/{id:guid}", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RemovePerson(id, ifMatch), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemovePerson")
            .WithSummary("Remove a person")
            .WithDescription("Admin only. The person is no longer listed or found; the record stays, so what they did keeps their name. " +
                "Their address may be given to someone else.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }
}
