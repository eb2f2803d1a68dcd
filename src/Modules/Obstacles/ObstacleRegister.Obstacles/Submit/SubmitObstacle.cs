using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Idempotency;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Telemetry;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.Get;
using ObstacleRegister.Obstacles.History;
using ObstacleRegister.Obstacles.Provisions;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Obstacles.Submit;

/// <summary>A provision the obstacle is caused by.</summary>
/// <param name="RegulationId">A registered regulation.</param>
/// <param name="Provision">At least the article: "Điều 5", "Điều 5, khoản 2, điểm a", "Article 5(2)(a)". Up to 200 characters.</param>
internal sealed record CitedRegulationBody(Guid? RegulationId, string? Provision);

/// <summary>An obstacle as a reporting unit submits it. The unit is the API key's, never a field.</summary>
/// <param name="Title">Up to 300 characters.</param>
/// <param name="Description">What blocks the work and why, up to 4000 characters.</param>
/// <param name="Impact">Who is blocked and how badly, up to 2000 characters.</param>
/// <param name="Contact">How to reach the person in charge, up to 500 characters; never shown outside the unit and coordinators.</param>
/// <param name="Regulations">One to 20 cited provisions.</param>
internal sealed record SubmitObstacleBody(
    string? Title, string? Description, ObstacleCategory? Category, ObstacleSeverity? Severity, RemedyRoute? Proposal,
    string? Impact, string? Contact, IReadOnlyList<CitedRegulationBody?>? Regulations);

/// <summary>Reports an obstacle; <paramref name="Hints"/> are the likely duplicates found just before, outside the write lock.</summary>
internal sealed record SubmitObstacle(SubmitObstacleBody? Body, IReadOnlyList<DuplicateHint> Hints) : IIdempotentCommand<VersionedObstacle>
{
    public CommandResponse Describe(VersionedObstacle response) =>
        new(201, $"/api/v1/obstacles/{response.Obstacle.Id}", response.Version, response.Obstacle);
}

/// <summary>Looks for obstacles the one about to be submitted may repeat; reads only.</summary>
internal sealed record SuggestDuplicates(SubmitObstacleBody? Body) : IQuery<IReadOnlyList<DuplicateHint>>;

internal sealed class SuggestDuplicatesHandler(ObstacleIntake intake) : IRequestHandler<SuggestDuplicates, IReadOnlyList<DuplicateHint>>
{
    public Task<IReadOnlyList<DuplicateHint>> Handle(SuggestDuplicates request, CancellationToken cancellationToken) =>
        intake.FindLikelyDuplicates(
            request.Body!.Title!,
            request.Body.Regulations!.Select(r => (r!.RegulationId!.Value, Provision.Parse(r.Provision!)!.Article)).ToList(),
            cancellationToken);
}

internal sealed class SubmitObstacleValidator : IValidator<SubmitObstacle>, IValidator<SuggestDuplicates>
{
    public void Validate(SuggestDuplicates request, ValidationErrors errors) => Validate(request.Body, errors);

    public void Validate(SubmitObstacle request, ValidationErrors errors) => Validate(request.Body, errors);

    public const int MaxTitle = 300;
    public const int MaxDescription = 4000;
    public const int MaxImpact = 2000;
    public const int MaxContact = 500;
    public const int MaxRegulations = 20;

    private static void Validate(SubmitObstacleBody? candidate, ValidationErrors errors)
    {
        if (!errors.Body(candidate))
        {
            return;
        }

        var body = candidate;

        errors.Text("title", body.Title, MaxTitle);
        errors.Text("description", body.Description, MaxDescription);
        errors.Text("impact", body.Impact, MaxImpact, required: false);
        errors.Text("contact", body.Contact, MaxContact, required: false);
        if (errors.Required("category", body.Category)) errors.Defined("category", body.Category);
        if (errors.Required("severity", body.Severity)) errors.Defined("severity", body.Severity);
        if (errors.Required("proposal", body.Proposal)) errors.Defined("proposal", body.Proposal);
        ValidateRegulations(body.Regulations, errors);
    }

    private static void ValidateRegulations(IReadOnlyList<CitedRegulationBody?>? regulations, ValidationErrors errors)
    {
        if (regulations is null || regulations.Count == 0 || regulations.Count > MaxRegulations)
        {
            errors.Add("regulations", $"'regulations' must cite 1 to {MaxRegulations} provisions.");
            return;
        }

        for (var i = 0; i < regulations.Count; i++)
        {
            var field = $"regulations[{i}]";
            if (regulations[i] is not { } cited)
            {
                errors.Add(field, $"'{field}' must be an object with regulationId and provision.");
                continue;
            }

            errors.Required($"{field}.regulationId", cited.RegulationId);
            errors.Text($"{field}.provision", cited.Provision, Provision.MaxLength);
            if (!string.IsNullOrWhiteSpace(cited.Provision) && cited.Provision.Length <= Provision.MaxLength && Provision.Parse(cited.Provision) is null)
            {
                errors.Add($"{field}.provision", $"'{field}.provision' must name at least the article, e.g. \"Điều 5, khoản 2\".");
            }
        }
    }
}

internal sealed class SubmitObstacleHandler(
    IDbSession db, IMediator mediator, ICaller caller, TimeProvider clock, RegisterCalendar calendar, ObstacleIntake intake, ObstacleHistory history,
    RegisterMetrics metrics)
    : IRequestHandler<SubmitObstacle, VersionedObstacle>
{
    public async Task<VersionedObstacle> Handle(SubmitObstacle request, CancellationToken cancellationToken)
    {
        db.AfterCommit(metrics.ObstacleSubmitted);
        var body = request.Body!;
        var cited = body.Regulations!.Select(r => r!).ToList();
        await EnsureRegulationsExist(cited, cancellationToken);

        var now = clock.GetUtcNow();
        var row = new ObstacleRow
        {
            Id = Guid.CreateVersion7(),
            Reference = await ReferenceNumbers.Next(db, calendar.Today.Year, cancellationToken),
            UnitId = caller.UnitId,
            ReportedByKeyId = caller.KeyId,
            Title = body.Title!.Trim(),
            Description = body.Description!.Trim(),
            Category = WireNames.Of(body.Category!.Value),
            Severity = WireNames.Of(body.Severity!.Value),
            Proposal = WireNames.Of(body.Proposal!.Value),
            Impact = body.Impact?.Trim(),
            Contact = body.Contact?.Trim(),
            Status = WireNames.Of(ObstacleStatus.Submitted),
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        await intake.Store(row, cited.Select(c => (c.RegulationId!.Value, c.Provision!.Trim())).ToList(), cancellationToken);
        await history.Record(Actor.Of(caller), row, ObstacleEvents.Submitted, null, ObstacleStatus.Submitted, null, null, cancellationToken);
        await intake.StoreHints(row.Id, request.Hints, cancellationToken);
        return await mediator.Send(new GetObstacle(row.Id), cancellationToken);
    }

    private async Task EnsureRegulationsExist(List<CitedRegulationBody> cited, CancellationToken ct)
    {
        var ids = cited.Select(c => c.RegulationId!.Value).ToList();
        var known = (await mediator.Send(new GetRegulations(ids), ct)).Select(r => r.Id).ToHashSet();
        var errors = new ValidationErrors();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!known.Contains(ids[i]))
            {
                errors.Add($"regulations[{i}].regulationId", $"No regulation with id '{ids[i]}'.");
            }
        }

        errors.ThrowIfAny();
    }
}
