using System.ComponentModel.DataAnnotations;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.Provisions;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Obstacles.Submit;

/// <summary>A provision the obstacle is caused by.</summary>
/// <param name="RegulationId">A registered regulation.</param>
/// <param name="Provision">At least the article: "Điều 5", "Điều 5, khoản 2, điểm a", "Article 5(2)(a)". Up to 200 characters.</param>
internal sealed record CitedRegulationBody(Guid? RegulationId, [property: MaxLength(Provision.MaxLength)] string? Provision);

/// <summary>An obstacle as a reporting unit submits it. The unit is the API key's, never a field.</summary>
/// <param name="Title">Up to 300 characters.</param>
/// <param name="Description">What blocks the work and why, up to 4000 characters.</param>
/// <param name="Impact">Who is blocked and how badly, up to 2000 characters.</param>
/// <param name="Contact">How to reach the person in charge, up to 500 characters; never shown outside the unit and coordinators.</param>
/// <param name="Regulations">One to 20 cited provisions.</param>
internal sealed record SubmitObstacleBody(
    [property: MaxLength(NewObstacleRules.MaxTitle)] string? Title, [property: MaxLength(NewObstacleRules.MaxDescription)] string? Description, ObstacleCategory? Category,
    ObstacleSeverity? Severity, RemedyRoute? Proposal, [property: MaxLength(NewObstacleRules.MaxImpact)] string? Impact, [property: MaxLength(NewObstacleRules.MaxContact)] string? Contact,
    [property: MinLength(1), MaxLength(NewObstacleRules.MaxRegulations)] IReadOnlyList<CitedRegulationBody?>? Regulations);

/// <summary>An obstacle as the rules accepted it: trimmed, every required value present.</summary>
internal sealed record NewObstacle(
    string Title, string Description, ObstacleCategory Category, ObstacleSeverity Severity, RemedyRoute Proposal, string? Impact,
    string? Contact, IReadOnlyList<NewCitation> Regulations);

/// <summary>A cited provision as the rules accepted it, with the article read from it.</summary>
internal sealed record NewCitation(Guid RegulationId, string Provision, int Article);

/// <summary>What an obstacle's body must satisfy, at intake and (field by field) wherever one is written.</summary>
internal static class NewObstacleRules
{
    public const int MaxTitle = 300;
    public const int MaxDescription = 4000;
    public const int MaxImpact = 2000;
    public const int MaxContact = 500;
    public const int MaxRegulations = 20;

    public static NewObstacle Check(SubmitObstacleBody? body) => RequestBodies.Check(body, Validate);

    /// <summary>The same rules for a body read from elsewhere (a spreadsheet row), with the errors left in <paramref name="errors"/>.</summary>
    public static NewObstacle? Validate(SubmitObstacleBody body, ValidationErrors errors)
    {
        errors.Text("title", body.Title, MaxTitle);
        errors.Text("description", body.Description, MaxDescription);
        errors.Text("impact", body.Impact, MaxImpact, required: false);
        errors.Text("contact", body.Contact, MaxContact, required: false);
        if (errors.Required("category", body.Category)) errors.Defined("category", body.Category);
        if (errors.Required("severity", body.Severity)) errors.Defined("severity", body.Severity);
        if (errors.Required("proposal", body.Proposal)) errors.Defined("proposal", body.Proposal);
        var citations = Citations(body.Regulations, errors);
        return !errors.Any && body is { Title: { } title, Description: { } description, Category: { } category, Severity: { } severity, Proposal: { } proposal }
            ? new NewObstacle(title.Trim(), description.Trim(), category, severity, proposal, body.Impact?.Trim(), body.Contact?.Trim(), citations)
            : null;
    }

    private static List<NewCitation> Citations(IReadOnlyList<CitedRegulationBody?>? regulations, ValidationErrors errors)
    {
        var valid = new List<NewCitation>();
        if (regulations is null || regulations.Count == 0 || regulations.Count > MaxRegulations)
        {
            errors.Add("regulations", Say.Text("Validation.RegulationsCount", MaxRegulations));
            return valid;
        }

        for (var i = 0; i < regulations.Count; i++)
        {
            var field = $"regulations[{i}]";
            if (regulations[i] is not { } cited)
            {
                errors.Add(field, Say.Text("Validation.CitationShape", field));
                continue;
            }

            errors.Required($"{field}.regulationId", cited.RegulationId);
            errors.Text($"{field}.provision", cited.Provision, Provision.MaxLength);
            var parsed = !string.IsNullOrWhiteSpace(cited.Provision) && cited.Provision.Length <= Provision.MaxLength ? Provision.Parse(cited.Provision) : null;
            if (!string.IsNullOrWhiteSpace(cited.Provision) && cited.Provision.Length <= Provision.MaxLength && parsed is null)
            {
                errors.Add($"{field}.provision", Say.Text("Validation.ProvisionArticle", errors.NameOf($"{field}.provision")));
            }

            if (cited is { RegulationId: { } regulationId, Provision: { } provision } && parsed is not null)
            {
                valid.Add(new NewCitation(regulationId, provision.Trim(), parsed.Article));
            }
        }

        return valid;
    }
}

