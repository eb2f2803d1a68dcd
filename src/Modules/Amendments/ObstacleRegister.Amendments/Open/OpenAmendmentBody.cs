using System.ComponentModel.DataAnnotations;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.Link;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Amendments.Open;

/// <summary>The leader who answers for the amendment.</summary>
/// <param name="Name">Full name, up to 200 characters.</param>
/// <param name="Position">Position, e.g. <c>Thứ trưởng</c>, up to 200 characters.</param>
/// <param name="Email">Where they are reached about this work, optional; never shown on the public pages.</param>
internal sealed record ResponsibleOfficialBody(
    [property: MaxLength(NewAmendmentRules.MaxOfficial)] string? Name, [property: MaxLength(NewAmendmentRules.MaxOfficial)] string? Position, [property: MaxLength(ValidationErrors.MaxEmail)] string? Email = null);

/// <summary>When the drafting unit plans to reach each stage; each on or after the one before, none after the due date.</summary>
internal sealed record PlannedDatesBody(DateOnly? Drafting, DateOnly? Consultation, DateOnly? Appraisal, DateOnly? Submitted)
{
    public DateOnly? For(AmendmentStatus stage) => stage switch
    {
        AmendmentStatus.Drafting => Drafting,
        AmendmentStatus.Consultation => Consultation,
        AmendmentStatus.Appraisal => Appraisal,
        AmendmentStatus.Submitted => Submitted,
        _ => null,
    };
}

/// <summary>An amendment as the coordinating agency opens it.</summary>
/// <param name="RegulationId">The target: the document to amend, supplement, replace or repeal, or the one new guidance guides.</param>
/// <param name="Kind">What the work does to the target.</param>
/// <param name="Title">Up to 1000 characters.</param>
/// <param name="DraftingUnitId">The unit that drafts it; its drafters report progress.</param>
/// <param name="ResponsibleOfficial">The leader who answers for it.</param>
/// <param name="DueOn">Due date for issuance. It may be in the past: work already late is registered as it is.</param>
/// <param name="ShortenedProcedure">The shortened procedure (Resolution 206/2025/QH15) may skip consultation and appraisal. Default false.</param>
/// <param name="PlannedDates">Optional planned date per stage.</param>
/// <param name="ObstacleIds">Up to 200 accepted obstacles it resolves; more can be linked later.</param>
internal sealed record OpenAmendmentBody(
    Guid? RegulationId, AmendmentKind? Kind, [property: MaxLength(NewAmendmentRules.MaxTitle)] string? Title, Guid? DraftingUnitId, ResponsibleOfficialBody? ResponsibleOfficial,
    DateOnly? DueOn, bool? ShortenedProcedure, PlannedDatesBody? PlannedDates,
    [property: MaxLength(ObstacleLinks.MaxPerRequest)] IReadOnlyList<Guid>? ObstacleIds);

/// <summary>An amendment as the rules accepted it: trimmed, every required value present.</summary>
internal sealed record NewAmendment(
    Guid RegulationId, AmendmentKind Kind, string Title, Guid DraftingUnitId, ResponsibleOfficial ResponsibleOfficial, DateOnly DueOn,
    bool ShortenedProcedure, PlannedDatesBody? PlannedDates, IReadOnlyList<Guid> ObstacleIds);

internal static class NewAmendmentRules
{
    public const int MaxTitle = 1000;
    public const int MaxOfficial = 200;

    public static NewAmendment Check(OpenAmendmentBody? body) => RequestBodies.Check(body, Validate);

    private static NewAmendment? Validate(OpenAmendmentBody body, ValidationErrors errors)
    {
        errors.Required("regulationId", body.RegulationId);
        if (errors.Required("kind", body.Kind)) errors.Defined("kind", body.Kind);
        errors.Text("title", body.Title, MaxTitle);
        errors.Required("draftingUnitId", body.DraftingUnitId);
        if (body.ResponsibleOfficial is { } official)
        {
            errors.Text("responsibleOfficial.name", official.Name, MaxOfficial);
            errors.Text("responsibleOfficial.position", official.Position, MaxOfficial);
            errors.Email("responsibleOfficial.email", official.Email);
        }
        else
        {
            errors.Required("responsibleOfficial", body.ResponsibleOfficial);
        }

        if (errors.Required("dueOn", body.DueOn) && body is { PlannedDates: { } plan, DueOn: { } due })
        {
            ValidatePlan(plan, due, errors);
        }

        ObstacleLinks.Validate(body.ObstacleIds, errors, required: false);
        return !errors.Any && body is
        {
            RegulationId: { } regulationId, Kind: { } kind, Title: { } title, DraftingUnitId: { } unitId,
            ResponsibleOfficial: { Name: { } name, Position: { } position } responsible, DueOn: { } dueOn,
        }
            ? new NewAmendment(
                regulationId, kind, title.Trim(), unitId, new ResponsibleOfficial(name.Trim(), position.Trim(), responsible.Email?.Trim()), dueOn,
                body.ShortenedProcedure ?? false, body.PlannedDates, body.ObstacleIds ?? [])
            : null;
    }

    private static void ValidatePlan(PlannedDatesBody plan, DateOnly dueOn, ValidationErrors errors)
    {
        DateOnly? previous = null;
        foreach (var stage in Stages.AmendmentStages.Plannable)
        {
            if (plan.For(stage) is not { } date)
            {
                continue;
            }

            var field = $"plannedDates.{BuildingBlocks.Data.WireNames.Of(stage)}";
            if (date < previous)
            {
                errors.Add(field, Say.Text("Validation.StagePlanOrder", field));
            }
            else if (date > dueOn)
            {
                errors.Add(field, Say.Text("Validation.StageAfterDue", field, dueOn));
            }

            previous = date;
        }
    }
}
