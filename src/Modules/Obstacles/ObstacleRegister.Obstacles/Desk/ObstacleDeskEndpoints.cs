using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Obstacles.Attachments;
using ObstacleRegister.Obstacles.Get;
using ObstacleRegister.Obstacles.History;
using ObstacleRegister.Obstacles.Questions;
using ObstacleRegister.Obstacles.Submit;
using ObstacleRegister.Obstacles.Triage;
using ObstacleRegister.Pages;

namespace ObstacleRegister.Obstacles.Desk;

/// <summary>One obstacle on the staff pages: what the person may see of it and the actions they may take.</summary>
/// <param name="Thread">The questions and comments, for those who see the obstacle in full; null for others.</param>
/// <param name="Refused">The action whose form was refused, shown again with <paramref name="Form"/>.</param>
/// <param name="Evidence">The evidence files, for those who see the obstacle in full; null for others.</param>
internal sealed record ObstaclePageModel(
    ObstacleDto Obstacle, IReadOnlyList<ObstacleEventDto> History, IReadOnlyList<ObstacleComment>? Thread, IReadOnlyList<ObstacleAttachment>? Evidence,
    string? Refused = null, PageForm? Form = null, bool Saved = false)
{
    public PageForm FormOf(string action) => Refused == action && Form is not null ? Form : PageForm.Empty;

    /// <summary>The correction form: as sent when it was refused, else the obstacle's own fields to change.</summary>
    public PageForm Correction => Refused == "correct" && Form is not null ? Form
        : PageForm.With(("title", Obstacle.Title), ("description", Obstacle.Description), ("impact", Obstacle.Impact), ("contact", Obstacle.Contact));
}

/// <summary>
/// <c>/desk/obstacles/new</c> and <c>/desk/obstacles/{id}</c>: the API's requests sent from forms. Each action posts
/// the version the page showed as <c>If-Match</c>, so a stale form is answered 412 with the obstacle as it is now.
/// </summary>
internal static class ObstacleDeskEndpoints
{
    /// <summary>The page's actions: who may take each, and the API request it sends.</summary>
    private static readonly Dictionary<string, (string? Role, Func<IMediator, Guid, string, PageForm, CancellationToken, Task> Send)> Actions =
        new(StringComparer.Ordinal)
        {
            ["accept"] = (Roles.Coordinator, (m, id, ifMatch, form, ct) =>
                m.Send(new AcceptObstacle(id, ifMatch, TriageRules.Note(new TriageNoteBody(form.Optional("note")))), ct)),
            ["reject"] = (Roles.Coordinator, (m, id, ifMatch, form, ct) =>
                m.Send(new RejectObstacle(id, ifMatch, TriageRules.Reason(new RejectBody(form.Optional("reason")))), ct)),
            ["duplicate"] = (Roles.Coordinator, (m, id, ifMatch, form, ct) => m.Send(new MarkDuplicate(id, ifMatch, TriageRules.Duplicate(
                new DuplicateBody(form.Id("duplicateOfId"), form.Optional("note")))), ct)),
            ["request-information"] = (Roles.Coordinator, (m, id, ifMatch, form, ct) =>
                m.Send(new RequestInformation(id, ifMatch, InformationRequestRules.Question(new InformationRequestBody(form.Optional("question")))), ct)),
            ["withdraw"] = (Roles.Reporter, (m, id, ifMatch, form, ct) =>
                m.Send(new WithdrawObstacle(id, ifMatch, TriageRules.Note(new TriageNoteBody(form.Optional("note")))), ct)),
            ["comment"] = (null, (m, id, _, form, ct) => m.Send(new AddComment(id, CommentRules.Text(new CommentBody(form.Optional("text")))), ct)),
            ["correct"] = (Roles.Reporter, (m, id, ifMatch, form, ct) => m.Send(new Correct.CorrectObstacle(id, ifMatch, Correction(form)), ct)),
            ["confirm"] = (Roles.Reporter, (m, id, ifMatch, form, ct) =>
                m.Send(new Outcomes.ConfirmObstacle(id, ifMatch, TriageRules.Note(new TriageNoteBody(form.Optional("note")))), ct)),
            ["reopen"] = (Roles.Reporter, (m, id, ifMatch, form, ct) =>
                m.Send(new Outcomes.ReopenObstacle(id, ifMatch, Outcomes.ReopenRules.Reason(new Outcomes.ReopenBody(form.Optional("reason")))), ct)),
        };

    /// <summary>The correction form as a merge patch of the fields it shows: an emptied optional field is removed.</summary>
    private static System.Text.Json.Nodes.JsonObject Correction(PageForm form) => new()
    {
        ["title"] = form.Value("title"),
        ["description"] = form.Value("description"),
        ["impact"] = form.Optional("impact"),
        ["contact"] = form.Optional("contact"),
    };

    public static void MapObstacleDesk(this IEndpointRouteBuilder app)
    {
        app.MapGet("/desk/obstacles/new", (Delegate)((HttpContext http) => StaffPages.Render<Pages.ReportPage>(http, new ReportPageModel(PageForm.Empty))))
            .StaffPage(Roles.Reporter);
        app.MapPost("/desk/obstacles/new", Report)
            .StaffPage(Roles.Reporter)
            .WithMetadata(new BodySizeLimit(EvidenceUpload.MaxRequestBytes));
        app.MapGet("/desk/obstacles/{id:guid}", async (Guid id, bool? saved, HttpContext http, IMediator mediator, CancellationToken ct) =>
                await StaffPages.Render<Pages.ObstaclePage>(http, await Load(id, mediator, ct) with { Saved = saved == true }))
            .StaffPage();
        app.MapPost("/desk/obstacles/{id:guid}/{action}", Act).StaffPage();
        app.MapPost("/desk/obstacles/{id:guid}/attach", Attach).StaffPage().WithMetadata(new BodySizeLimit(EvidenceUpload.MaxRequestBytes));
        app.MapImportPage();
        app.MapObstacleListPage();
    }

    private static async Task<IResult> Report(IFormCollection form, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var input = PageForm.Of(form);
        try
        {
            var obstacle = await ReportForm.Read(input, mediator, ct);
            var hints = await mediator.Send(new SuggestDuplicates(obstacle), ct);
            if (input.Value("intent") == "check")
            {
                var duplicates = await mediator.Send(new GetObstacleTitles([.. hints.Select(h => h.CandidateId)]), ct);
                return await StaffPages.Render<Pages.ReportPage>(http, new ReportPageModel(input, duplicates));
            }

            var evidence = await ReportForm.Evidence(http.Request, form, ct);
            var reported = await mediator.Send(new ReportWithEvidence(obstacle, hints, evidence), ct);
            return Results.Redirect($"/desk/obstacles/{reported.Obstacle.Id}?saved=true");
        }
        catch (ProblemException problem) when (problem.Status is >= 400 and < 500)
        {
            return await StaffPages.Render<Pages.ReportPage>(http, new ReportPageModel(input.Refused(problem)), problem.Status);
        }
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
            if (taken.Role is { } role && !http.User.IsInRole(role))
            {
                throw new ForbiddenException(Say.Text("Staff.NoRole"));
            }

            await taken.Send(mediator, id, $"\"{input.Value("version")}\"", input, ct);
            return Results.Redirect($"/desk/obstacles/{id}?saved=true");
        }
        catch (ProblemException problem) when (problem.Status is >= 400 and < 500 and not 404)
        {
            // A stale form (412) is shown with the obstacle as it is now; the refused form says why beside its button.
            var shown = await Load(id, mediator, ct) with { Refused = action, Form = input.Refused(problem) };
            return await StaffPages.Render<Pages.ObstaclePage>(http, shown, problem.Status);
        }
    }

    /// <summary>An evidence file added from the page: the API's upload, read and typed the same way.</summary>
    private static async Task<IResult> Attach(Guid id, IFormCollection form, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        try
        {
            await mediator.Send(new AddAttachment(id, await EvidenceUpload.Read(http.Request, ct)), ct);
            return Results.Redirect($"/desk/obstacles/{id}?saved=true");
        }
        catch (ProblemException problem) when (problem.Status is >= 400 and < 500 and not 404)
        {
            var shown = await Load(id, mediator, ct) with { Refused = "attach", Form = PageForm.Of(form).Refused(problem) };
            return await StaffPages.Render<Pages.ObstaclePage>(http, shown, problem.Status);
        }
    }

    private static async Task<ObstaclePageModel> Load(Guid id, IMediator mediator, CancellationToken ct)
    {
        var (obstacle, _) = await mediator.Send(new GetObstacle(id), ct);
        var history = await mediator.Send(new GetObstacleHistory(id, 100, null), ct);
        var full = obstacle.Visibility == "full";
        var thread = full ? (await mediator.Send(new ListComments(id, 100, null), ct)).Items : null;
        var evidence = full ? (await mediator.Send(new ListAttachments(id, 100, null), ct)).Items : null;
        return new ObstaclePageModel(obstacle, history.Items, thread, evidence);
    }
}
