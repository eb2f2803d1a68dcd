using MediatR;
using Microsoft.AspNetCore.Http;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Obstacles.Attachments;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.Get;
using ObstacleRegister.Obstacles.Submit;
using ObstacleRegister.Pages;

namespace ObstacleRegister.Obstacles.Desk;

/// <summary>The report form as shown: what was typed, why it was refused, and the likely duplicates when asked for them.</summary>
internal sealed record ReportPageModel(PageForm Form, IReadOnlyList<QueuedReport>? Duplicates = null);

/// <summary>
/// A report from the staff pages: the API's body read from the form's fields (the cited regulation found by its
/// symbol, typed either way), the API's rules and command, and the evidence file in the same transaction.
/// </summary>
internal static class ReportForm
{
    /// <summary>How many provisions the form offers; the API takes up to <see cref="NewObstacleRules.MaxRegulations"/>.</summary>
    public const int Citations = 2;

    /// <summary>The form read into the API's rules: the obstacle, or every field error at once.</summary>
    public static async Task<NewObstacle> Read(PageForm form, IMediator mediator, CancellationToken ct)
    {
        var errors = new ValidationErrors(Label);
        var cited = new List<CitedRegulationBody?>();
        for (var i = 0; i < Citations; i++)
        {
            var symbol = form.Optional($"regulations[{i}].symbol");
            var provision = form.Optional($"regulations[{i}].provision");
            if (i > 0 && symbol is null && provision is null)
            {
                continue;
            }

            var regulation = symbol is null ? null : await mediator.Send(new Regulations.Contracts.FindRegulationBySymbol(symbol), ct);
            if (symbol is null)
            {
                errors.Required($"regulations[{i}].symbol", symbol);
            }
            else if (regulation is null)
            {
                errors.Add($"regulations[{i}].symbol", Say.Text("Desk.Report.UnknownSymbol", symbol));
            }

            // An unknown or missing symbol has its own message; the rules then see a citation with an id that finds nothing.
            cited.Add(new CitedRegulationBody(regulation?.Id ?? Guid.Empty, provision));
        }

        var body = new SubmitObstacleBody(
            form.Optional("title"), form.Optional("description"), form.Choice<ObstacleCategory>("category"), form.Choice<ObstacleSeverity>("severity"),
            form.Choice<RemedyRoute>("proposal"), form.Optional("impact"), form.Optional("contact"), cited);
        var obstacle = NewObstacleRules.Validate(body, errors);
        errors.ThrowIfAny();
        return obstacle!;
    }

    /// <summary>What a field is called in messages: its label in the page's language.</summary>
    public static string Label(string field) => field switch
    {
        _ when field.EndsWith(".symbol", StringComparison.Ordinal) => Say.Text("Desk.Report.Symbol"),
        _ when field.EndsWith(".provision", StringComparison.Ordinal) => Say.Text("Desk.Report.Provision"),
        _ when field.StartsWith("regulations", StringComparison.Ordinal) => Say.Text("Desk.Report.Symbol"),
        _ => Say.Text("Desk.Report.Field." + field),
    };


    /// <summary>The evidence file sent with the form, if any: read and typed as the API's upload is.</summary>
    public static async Task<EvidenceFile?> Evidence(HttpRequest request, IFormCollection form, CancellationToken ct) =>
        form.Files.GetFile("file") is { Length: > 0 } ? await EvidenceUpload.Read(request, ct) : null;
}

/// <summary>The report and its evidence in one transaction: a refused file leaves no report behind.</summary>
internal sealed record ReportWithEvidence(NewObstacle Obstacle, IReadOnlyList<DuplicateHint> Hints, EvidenceFile? Evidence) : IRequest<VersionedObstacle>;

internal sealed class ReportWithEvidenceHandler(IMediator mediator) : IRequestHandler<ReportWithEvidence, VersionedObstacle>
{
    public async Task<VersionedObstacle> Handle(ReportWithEvidence request, CancellationToken cancellationToken)
    {
        var reported = await mediator.Send(new SubmitObstacle(request.Obstacle, request.Hints), cancellationToken);
        if (request.Evidence is { } evidence)
        {
            await mediator.Send(new AddAttachment(reported.Obstacle.Id, evidence), cancellationToken);
        }

        return reported;
    }
}
