using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.Deadlines;
using ObstacleRegister.Amendments.Get;
using ObstacleRegister.Amendments.Issue;
using ObstacleRegister.Amendments.Progress;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Pages;

namespace ObstacleRegister.Amendments.Desk;

/// <summary>One amendment on the staff pages, with the form that was refused (if one was) shown again.</summary>
internal sealed record AmendmentPageModel(AmendmentDto Amendment, string? Refused = null, PageForm? Form = null, bool Saved = false)
{
    public PageForm FormOf(string action) => Refused == action && Form is not null ? Form : PageForm.Empty;
}

/// <summary>
/// <c>/desk/amendments/{id}</c>: stages, deadline history, notices, and the weekly check-in, the deadline move and
/// issuance as forms sending the API's requests with the page's version as <c>If-Match</c>.
/// </summary>
internal static class AmendmentDeskEndpoints
{
    /// <summary>The stages a check-in may move the work to, in order.</summary>
    public static readonly AmendmentStatus[] CheckInStages =
        [AmendmentStatus.Planned, AmendmentStatus.Drafting, AmendmentStatus.Consultation, AmendmentStatus.Appraisal, AmendmentStatus.Submitted];

    private static readonly Dictionary<string, (string[] Roles, Func<IMediator, Guid, string?, PageForm, CancellationToken, Task> Send)> Actions =
        new(StringComparer.Ordinal)
        {
            ["progress"] = ([Roles.Drafter], (m, id, ifMatch, form, ct) => m.Send(new ReportProgress(id, ifMatch, NewProgressRules.Check(new ReportProgressBody(
                form.Choice("stage", CheckInStages), form.Optional("note"), form.Optional("blockers"), form.Optional("resourcesRequested")))), ct)),
            ["deadline"] = ([Roles.Coordinator], (m, id, ifMatch, form, ct) =>
                m.Send(new MoveDeadline(id, ifMatch, NewDeadlineRules.Check(new MoveDeadlineBody(form.Day("dueOn"), form.Optional("reason")))), ct)),
            ["obstacles"] = ([Roles.Coordinator], (m, id, ifMatch, form, ct) => m.Send(new Link.LinkObstacles(id, ifMatch, Link.LinkObstaclesRules.Check(
                new Link.LinkObstaclesBody(form.Id("obstacleId") is { } obstacle ? [obstacle] : []))), ct)),
            ["issue"] = ([Roles.Drafter, Roles.Coordinator], (m, id, ifMatch, form, ct) => m.Send(new IssueAmendment(id, ifMatch, IssueAmendmentRules.Check(
                new IssueAmendmentBody(form.Optional("documentSymbol"), form.Day("issuedOn"), form.Day("effectiveOn"), null, null, null))), ct)),
        };

    public static void MapAmendmentDesk(this IEndpointRouteBuilder app)
    {
        app.MapGet("/desk/amendments/{id:guid}", async (Guid id, bool? saved, HttpContext http, IMediator mediator, CancellationToken ct) =>
                await StaffPages.Render<Pages.AmendmentPage>(http, new AmendmentPageModel((await mediator.Send(new GetAmendment(id), ct)).Amendment, Saved: saved == true)))
            .StaffPage();
        app.MapPost("/desk/amendments/{id:guid}/{action}", Act).StaffPage();
        app.MapAmendmentListPage();
        app.MapGet("/desk/amendments/new", async (Guid obstacleId, HttpContext http, IMediator mediator, CancellationToken ct) =>
                await StaffPages.Render<Pages.OpenAmendmentPage>(http, await OpenAmendmentForm.Load(obstacleId, PageForm.Empty, mediator, ct)))
            .StaffPage(Roles.Coordinator);
        app.MapPost("/desk/amendments/new", OpenAmendmentForm.Open).StaffPage(Roles.Coordinator);
    }

    private static async Task<IResult> Act(Guid id, string action, IFormCollection form, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        if (!Actions.TryGetValue(action, out var taken))
        {
            throw new NotFoundException("action", action);
        }

        var input = PageForm.Of(form);
        try
        {
            if (!taken.Roles.Any(http.User.IsInRole))
            {
                throw new ForbiddenException(Say.Text("Staff.NoRole"));
            }

            // A form that changes what the page showed sends its version; adding an obstacle to work under way overwrites nothing.
            await taken.Send(mediator, id, input.Optional("version") is { } version ? $"\"{version}\"" : null, input, ct);
            return Results.Redirect($"/desk/amendments/{id}?saved=true");
        }
        catch (ProblemException problem) when (problem.Status is >= 400 and < 500 and not 404)
        {
            var amendment = (await mediator.Send(new GetAmendment(id), ct)).Amendment;
            return await StaffPages.Render<Pages.AmendmentPage>(http, new AmendmentPageModel(amendment, action, input.Refused(problem)), problem.Status);
        }
    }
}
