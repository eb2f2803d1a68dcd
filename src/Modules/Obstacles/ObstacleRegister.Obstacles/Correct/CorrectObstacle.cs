using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.Get;
using ObstacleRegister.Obstacles.History;
using ObstacleRegister.Obstacles.Submit;
using ObstacleRegister.Obstacles.Triage;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ObstacleRegister.Obstacles.Correct;

/// <summary>
/// A correction, as a JSON merge patch of the obstacle's report: the fields it names replace the current ones (null
/// removes an optional one; <c>regulations</c> is replaced as a whole). The result must pass the intake's rules.
/// </summary>
/// <param name="Title">Up to 300 characters.</param>
/// <param name="Description">Up to 4000 characters.</param>
/// <param name="Impact">Up to 2000 characters; null removes it.</param>
/// <param name="Contact">Up to 500 characters; null removes it.</param>
/// <param name="Regulations">The cited provisions, all of them: one to 20.</param>
internal sealed record CorrectObstacleBody(
    [property: MaxLength(NewObstacleRules.MaxTitle)] string? Title, [property: MaxLength(NewObstacleRules.MaxDescription)] string? Description,
    ObstacleCategory? Category, ObstacleSeverity? Severity, RemedyRoute? Proposal, [property: MaxLength(NewObstacleRules.MaxImpact)] string? Impact,
    [property: MaxLength(NewObstacleRules.MaxContact)] string? Contact,
    [property: MinLength(1), MaxLength(NewObstacleRules.MaxRegulations)] IReadOnlyList<CitedRegulationBody?>? Regulations);

internal sealed record CorrectObstacle(Guid Id, string? IfMatch, JsonObject Patch) : IRequest<VersionedObstacle>;

/// <summary>
/// The reporting unit's reporters correct their obstacle while it is submitted or waits for information; a
/// correction of one that waits answers the question (back to submitted). Each changed field is a history entry with
/// its value before and after; citations move the hotspot tallies; the search text and the likely duplicates follow.
/// </summary>
internal sealed class CorrectObstacleHandler(
    IDbSession db, IMediator mediator, ICaller caller, TimeProvider clock, ObstacleIntake intake, ObstacleHistory history,
    ObstacleTransitions transitions, IOptions<HttpJsonOptions> json)
    : IRequestHandler<CorrectObstacle, VersionedObstacle>
{
    private const string Update = """
        UPDATE obstacle
        SET title = @Title, description = @Description, category = @Category, severity = @Severity, proposal = @Proposal,
            impact = @Impact, contact = @Contact, updated_at = @UpdatedAt, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    private const string Citations = "SELECT regulation_id, provision, article FROM obstacle_regulation WHERE obstacle_id = @Id ORDER BY position";

    private static readonly ObstacleStatus[] Correctable = [ObstacleStatus.Submitted, ObstacleStatus.NeedsInformation];

    public async Task<VersionedObstacle> Handle(CorrectObstacle request, CancellationToken cancellationToken)
    {
        var row = await ObstacleQueries.Get(db, request.Id, cancellationToken);
        if (row.UnitId != caller.UnitId)
        {
            throw new ForbiddenException(Say.Text("Problem.Detail.CorrectOwnOnly"));
        }

        if (!Correctable.Contains(row.StatusValue))
        {
            throw IllegalTransition.Of(Say.Text("Problem.Detail.CorrectOpenOnly", row.Reference, row.Status), row.Status, row.Status);
        }

        Versions.EnsureMatches(request.IfMatch, row.Version);
        var before = (await db.QueryAsync<Cited>(Citations, new { row.Id }, cancellationToken)).ToList();
        var corrected = NewObstacleRules.Check(Merge(row, before, request.Patch));
        await CitedRegulations.EnsureExist(mediator, corrected.Regulations, cancellationToken);

        var changes = await Changes(row, before, corrected, cancellationToken);
        if (changes.Count > 0)
        {
            await Write(row, before, corrected, changes, cancellationToken);
        }

        return await mediator.Send(new GetObstacle(row.Id), cancellationToken);
    }

    private async Task Write(ObstacleRow row, List<Cited> before, NewObstacle corrected, List<(string Field, string? Before, string? After)> changes, CancellationToken ct)
    {
        var (title, description) = (row.Title, row.Description);
        (row.Title, row.Description, row.Impact, row.Contact) = (corrected.Title, corrected.Description, corrected.Impact, corrected.Contact);
        (row.Category, row.Severity, row.Proposal) = (WireNames.Of(corrected.Category), WireNames.Of(corrected.Severity), WireNames.Of(corrected.Proposal));
        row.UpdatedAt = clock.GetUtcNow();
        if (await db.ExecuteAsync(Update, row, ct) == 0)
        {
            throw new PreconditionFailedException(row.Version + 1);
        }

        var citations = corrected.Regulations.Select(c => (c.RegulationId, c.Article)).ToList();
        if (changes.Any(c => c.Field == "regulations"))
        {
            await intake.Recite(row, [.. before.Select(c => (c.RegulationId, c.Article))], [.. corrected.Regulations.Select(c => (c.RegulationId, c.Provision))], ct);
        }

        if (title != row.Title || description != row.Description)
        {
            await intake.Reindex(row, ct);
        }

        // The hints come from the title's words and the cited articles: nothing else changes them.
        if (title != row.Title || changes.Any(c => c.Field == "regulations"))
        {
            await intake.RefreshHints(row, citations, ct);
        }
        foreach (var (field, old, now) in changes)
        {
            await history.Record(Actor.Of(caller), row, ObstacleEvents.Corrected, row.StatusValue, row.StatusValue, null, null, ct,
                HistoryReason.FieldCorrected(field, old, now));
        }

        if (row.StatusValue == ObstacleStatus.NeedsInformation)
        {
            row.Version++;
            await transitions.Apply(row, null, new ObstacleChange(ObstacleStatus.Submitted, ObstacleEvents.InformationProvided, null), ct);
        }
    }

    /// <summary>The current report as a body, the patch applied over it, read back with the API's strict JSON rules.</summary>
    private SubmitObstacleBody Merge(ObstacleRow row, List<Cited> citations, JsonObject patch)
    {
        var options = json.Value.SerializerOptions;
        var current = new SubmitObstacleBody(
            row.Title, row.Description, WireNames.Parse<ObstacleCategory>(row.Category), WireNames.Parse<ObstacleSeverity>(row.Severity),
            WireNames.Parse<RemedyRoute>(row.Proposal), row.Impact, row.Contact, [.. citations.Select(c => new CitedRegulationBody(c.RegulationId, c.Provision))]);
        var merged = MergePatch.Apply((JsonObject)JsonSerializer.SerializeToNode(current, options)!, patch);
        try
        {
            return merged.Deserialize<SubmitObstacleBody>(options)!;
        }
        catch (JsonException invalid)
        {
            throw new BadHttpRequestException("The corrected obstacle does not read as one.", StatusCodes.Status400BadRequest, invalid);
        }
    }

    /// <summary>The fields whose value differs, as people read them: enumeration values, citations by symbol and provision.</summary>
    private async Task<List<(string Field, string? Before, string? After)>> Changes(ObstacleRow row, List<Cited> before, NewObstacle after, CancellationToken ct)
    {
        var changes = new List<(string, string?, string?)>();
        void Compare(string field, string? old, string? now)
        {
            if (old != now)
            {
                changes.Add((field, old, now));
            }
        }

        Compare("title", row.Title, after.Title);
        Compare("description", row.Description, after.Description);
        Compare("category", row.Category, WireNames.Of(after.Category));
        Compare("severity", row.Severity, WireNames.Of(after.Severity));
        Compare("proposal", row.Proposal, WireNames.Of(after.Proposal));
        Compare("impact", row.Impact, after.Impact);
        Compare("contact", row.Contact, after.Contact);
        if (!before.Select(c => (c.RegulationId, c.Provision)).SequenceEqual(after.Regulations.Select(c => (c.RegulationId, c.Provision))))
        {
            var symbols = (await mediator.Send(new Regulations.Contracts.GetRegulations(
                [.. before.Select(c => c.RegulationId).Concat(after.Regulations.Select(c => c.RegulationId)).Distinct()]), ct)).ToDictionary(r => r.Id, r => r.Symbol);
            string Cites(IEnumerable<(Guid Id, string Provision)> cited) => string.Join("; ", cited.Select(c => $"{symbols.GetValueOrDefault(c.Id)} {c.Provision}"));
            Compare("regulations", Cites(before.Select(c => (c.RegulationId, c.Provision))), Cites(after.Regulations.Select(c => (c.RegulationId, c.Provision))));
        }

        return changes;
    }

    private sealed class Cited
    {
        public Guid RegulationId { get; set; }

        public string Provision { get; set; } = "";

        public int Article { get; set; }
    }
}
