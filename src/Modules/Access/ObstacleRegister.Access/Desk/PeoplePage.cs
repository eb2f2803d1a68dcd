using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObstacleRegister.Access.ApiKeys;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.Access.People;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Pages;

namespace ObstacleRegister.Access.Desk;

/// <summary>The people of the register as an admin keeps them, the units to choose from, and the add form as it was sent.</summary>
internal sealed record PeoplePageModel(IReadOnlyList<PersonDto> People, string? NextCursor, IReadOnlyList<UnitSummary> Units, PageForm Form, bool Saved = false);

/// <summary>
/// <c>/desk/people</c>: admins add people and remove them, with the API's requests and rules; keys stay in the API.
/// Removing a person ends their sessions within <see cref="SignIn.SessionOptions.RecheckInterval"/>.
/// </summary>
internal static class PeoplePage
{
    public const string Path = "/desk/people";

    public static void MapPeoplePage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (string? cursor, bool? saved, HttpContext http, IMediator mediator, CancellationToken ct) =>
                await StaffPages.Render<Pages.PeopleListPage>(http, await Load(cursor, PageForm.Empty, mediator, ct) with { Saved = saved == true }))
            .StaffPage(Roles.Admin);
        app.MapPost(Path, Add).StaffPage(Roles.Admin);
        app.MapPost(Path + "/{id:guid}/remove", async (Guid id, IFormCollection form, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RemovePerson(id, $"\"{PageForm.Of(form).Value("version")}\""), ct);
                return Results.Redirect(Path + "?saved=true");
            })
            .StaffPage(Roles.Admin);
    }

    private static async Task<IResult> Add(IFormCollection form, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var input = PageForm.Of(form);
        try
        {
            var roles = form["roles"].Select(r => Enum.GetValues<ApiKeyRole>().Where(k => WireNames.Of(k) == r).Select(k => (ApiKeyRole?)k).FirstOrDefault())
                .OfType<ApiKeyRole>().ToList();
            var body = new PersonBody(input.Optional("email"), input.Optional("name"), input.Id("unitId"), roles);
            await mediator.Send(new AddPerson(PersonRules.Check(body)), ct);
            return Results.Redirect(Path + "?saved=true");
        }
        catch (ProblemException problem) when (problem.Status is >= 400 and < 500 and not 404)
        {
            return await StaffPages.Render<Pages.PeopleListPage>(http, await Load(null, input.Refused(problem), mediator, ct), problem.Status);
        }
    }

    private static async Task<PeoplePageModel> Load(string? cursor, PageForm form, IMediator mediator, CancellationToken ct)
    {
        var people = await mediator.Send(new ListPeople(null, 100, cursor), ct);
        return new PeoplePageModel(people.Items, people.NextCursor, await mediator.Send(new GetAllUnits(), ct), form);
    }
}
