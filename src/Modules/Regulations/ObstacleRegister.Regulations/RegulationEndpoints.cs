using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Regulations.Get;
using ObstacleRegister.Regulations.Register;
using ObstacleRegister.Regulations.Reviews;
using ObstacleRegister.Regulations.Search;
using ObstacleRegister.Regulations.Update;

namespace ObstacleRegister.Regulations;

internal static class RegulationEndpoints
{
    public static void MapRegulationEndpoints(this IEndpointRouteBuilder api)
    {
        var regulations = api.MapGroup("/regulations").WithTags("Regulations");

        regulations.MapPost("/", async (RegulationBody? body, IMediator mediator, CancellationToken ct) =>
            {
                var (regulation, version) = await mediator.Send(new RegisterRegulation(RegulationBodyRules.Check(body)), ct);
                return ApiResults.Created($"/api/v1/regulations/{regulation.Id}", regulation, version);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Coordinator, Roles.Drafter))
            .WithName("RegisterRegulation")
            .WithSummary("Register a regulation")
            .WithDescription("Coordinators and drafters. The symbol is checked against the usual forms and must be unique " +
                "regardless of case and diacritics: 13/2023/ND-CP is the same document as 13/2023/NĐ-CP (409).")
            .Produces<RegulationDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        regulations.MapGet("/", async (
                string? q, [WireEnum<RegulationType>] string? type, [WireEnum<RegulationStatus>] string? status, string? symbol, Guid? guidesId, bool? reviewNeeded, int? limit, string? cursor,
                IMediator mediator, CancellationToken ct) =>
            {
                var search = new SearchRegulations(
                    q, QueryValues.Enum<RegulationType>(type, "type"), QueryValues.Enum<RegulationStatus>(status, "status"),
                    symbol, guidesId, Cursor.Limit(limit), cursor, reviewNeeded);
                return TypedResults.Ok(await mediator.Send(search, ct));
            })
            .WithName("SearchRegulations")
            .WithSummary("List and search regulations")
            .WithDescription("q matches words of the symbol and title without diacritics (chong cheo finds chồng chéo); " +
                "symbol matches one document with or without diacritics, in any case. reviewNeeded=true lists the documents under review " +
                "because what they guide was amended, replaced or repealed. Paged by cursor.")
            .ProducesValidationProblem();

        regulations.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var (regulation, version) = await mediator.Send(new GetRegulationDetail(id), ct);
                return ApiResults.Ok(regulation, version);
            })
            .WithName("GetRegulation")
            .WithSummary("Get one regulation")
            .WithDescription("With the document it guides and the documents that guide it. The ETag is the version to send in If-Match.")
            .Produces<RegulationDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        regulations.MapPost("/{id:guid}/reviewed", async (
                Guid id, RecordReviewBody? body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, CancellationToken ct) =>
            {
                var (regulation, version) = await mediator.Send(new RecordReview(id, ifMatch, ReviewVerdictRules.Check(body)), ct);
                return ApiResults.Ok(regulation, version);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Coordinator, Roles.Drafter))
            .WithName("RecordRegulationReview")
            .WithSummary("Record the outcome of a review")
            .WithDescription("Coordinators and drafters. Closes the regulation's open review: no_change_needed, or amendment_opened with the " +
                "amendment of this regulation; a document that lapses with what it guides also takes continues, replaced or expired, " +
                "and its status follows. 409 when no review is open.")
            .Produces<RegulationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        regulations.MapPut("/{id:guid}", async (
                Guid id, RegulationBody? body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, CancellationToken ct) =>
            {
                var (regulation, version) = await mediator.Send(new UpdateRegulation(id, ifMatch, RegulationBodyRules.Check(body)), ct);
                return ApiResults.Ok(regulation, version);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Coordinator, Roles.Drafter))
            .WithName("UpdateRegulation")
            .WithSummary("Update a regulation")
            .WithDescription("Replaces all fields. Send the ETag you read as If-Match: 412 when the regulation changed since.")
            .Produces<RegulationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }
}
