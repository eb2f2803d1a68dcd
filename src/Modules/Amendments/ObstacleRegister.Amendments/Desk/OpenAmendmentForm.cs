using MediatR;
using Microsoft.AspNetCore.Http;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.Get;
using ObstacleRegister.Amendments.Open;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Pages;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Amendments.Desk;

/// <summary>The form that opens an amendment for an accepted obstacle: the documents it cites and the units to choose from.</summary>
/// <param name="UnderWay">Open amendments of the documents it cites: the obstacle may be added to one of them instead.</param>
internal sealed record OpenAmendmentPageModel(
    Guid ObstacleId, string Reference, IReadOnlyList<RegulationSummary> Regulations, IReadOnlyList<UnitSummary> Units, PageForm Form,
    IReadOnlyList<AmendmentListItem> UnderWay);

/// <summary><c>/desk/amendments/new?obstacleId=</c>: a coordinator takes an accepted obstacle on, as <c>POST /api/v1/amendments</c> does.</summary>
internal static class OpenAmendmentForm
{
    public static async Task<OpenAmendmentPageModel> Load(Guid obstacleId, PageForm form, IMediator mediator, CancellationToken ct)
    {
        var obstacle = (await mediator.Send(new GetObstacles([obstacleId]), ct)).SingleOrDefault() ?? throw new NotFoundException("obstacle", obstacleId);
        var regulations = await mediator.Send(new GetRegulations(obstacle.RegulationIds), ct);
        var underWay = new List<AmendmentListItem>();
        foreach (var regulation in regulations)
        {
            underWay.AddRange((await mediator.Send(new List.ListAmendments(null, null, regulation.Id, null, null, null, null, 20, null, Open: true), ct)).Items);
        }

        return new OpenAmendmentPageModel(obstacleId, obstacle.Reference, regulations, await mediator.Send(new GetAllUnits(), ct), form, underWay);
    }

    public static async Task<IResult> Open(Guid obstacleId, IFormCollection form, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var input = PageForm.Of(form);
        try
        {
            var body = new OpenAmendmentBody(
                input.Id("regulationId"), input.Choice<AmendmentKind>("kind"), input.Optional("title"), input.Id("draftingUnitId"),
                new ResponsibleOfficialBody(input.Optional("responsibleOfficial.name"), input.Optional("responsibleOfficial.position"),
                    input.Optional("responsibleOfficial.email")),
                input.Day("dueOn"), null, null, [obstacleId]);
            var opened = await mediator.Send(new OpenAmendment(NewAmendmentRules.Check(body)), ct);
            return Results.Redirect($"/desk/amendments/{opened.Amendment.Id}?saved=true");
        }
        catch (ProblemException problem) when (problem.Status is >= 400 and < 500 and not 404)
        {
            return await StaffPages.Render<Pages.OpenAmendmentPage>(http, await Load(obstacleId, input.Refused(problem), mediator, ct), problem.Status);
        }
    }
}
