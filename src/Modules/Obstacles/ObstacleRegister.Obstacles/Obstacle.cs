using System.Text.Json.Serialization;
using ObstacleRegister.BuildingBlocks.Composition;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Obstacles;

/// <summary>A provision an obstacle cites.</summary>
/// <param name="RegulationId">The regulation.</param>
/// <param name="Symbol">The regulation's symbol, for reading.</param>
/// <param name="Provision">The provision as the reporter wrote it, e.g. "Điều 5, khoản 2, điểm a".</param>
/// <param name="Article">The article (Điều) number read from it.</param>
/// <param name="Clause">The clause (khoản), if named.</param>
/// <param name="Point">The point (điểm), if named.</param>
internal sealed record CitedProvisionDto(Guid RegulationId, string? Symbol, string Provision, int Article, int? Clause, string? Point);

/// <summary>Another obstacle that may be the same one.</summary>
/// <param name="Reason"><c>same_provision</c> (cites the same regulation and article) or <c>similar_text</c>.</param>
internal sealed record LikelyDuplicateDto(Guid Id, string Reference, string Title, ObstacleStatus Status, string Reason);

/// <summary>The obstacle a duplicate follows: its reporters see the master's progress as their own.</summary>
internal sealed record MasterDto(Guid Id, string Reference, ObstacleStatus Status, string? Answer);

/// <summary>One obstacle. Contact details and intake hints are shown only to the reporting unit and coordinators.</summary>
/// <remarks>Its <c>amendment</c> slot is filled by Amendments, the module above this one.</remarks>
/// <param name="Visibility"><c>full</c> for the reporting unit and coordinators, <c>public</c> for everyone else.</param>
/// <param name="Reference">Readable reference, unique, e.g. <c>VM-2026-000042</c>.</param>
/// <param name="UnitId">The reporting unit.</param>
/// <param name="Answer">The public answer: the reason given when it was rejected.</param>
/// <param name="Master">For a duplicate, the obstacle it follows.</param>
/// <param name="Amendment">The amendment that took it on (the latest, if one was cancelled and another opened); absent before that.</param>
/// <param name="Version">Its version, the number its ETag carries: send <c>If-Match: "&lt;version&gt;"</c> to change it.</param>
[ComposedView(ObstacleViews.Detail)]
internal sealed record ObstacleDto(
    Guid Id, string Reference, string Visibility, Guid UnitId, string Title, string Description, ObstacleCategory Category,
    ObstacleSeverity Severity, RemedyRoute Proposal, string? Impact, ObstacleStatus Status, string? Answer, Guid? DuplicateOfId,
    MasterDto? Master, ViewSlot Amendment, IReadOnlyList<CitedProvisionDto> Regulations, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
    : IComposedView
{
    /// <summary>How to reach the reporter. Full view only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Contact { get; init; }

    /// <summary>
    /// While it waits for the coordinators' answer (submitted), the day by which they answer it: accept, reject, mark it
    /// a duplicate or ask for information. Counted from its submission, or from the reporting unit's answer to a question.
    /// </summary>
    public DateOnly? AnswerDueOn { get; init; }

    /// <summary>Once resolved: whether its reporting unit confirmed the obstacle is gone in practice, or reopened it.</summary>
    public ResultConfirmationDto? Confirmation { get; init; }

    /// <summary>The resolved obstacle this one reports again, and the document that did not remove it.</summary>
    public ReopenedFromDto? ReopenedFrom { get; init; }

    /// <summary>Obstacles found at intake that may be the same. Full view only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<LikelyDuplicateDto>? LikelyDuplicates { get; init; }
}

/// <summary>What the reporting unit said of a resolution in practice.</summary>
/// <param name="State"><c>pending</c> until it confirms or reopens.</param>
/// <param name="ConfirmBy">The day by which it is asked to say: <c>Obstacles:ConfirmWithinDays</c> (30) after the resolution.</param>
/// <param name="At">When it said.</param>
/// <param name="ReopenedAsId">The new obstacle it reopened as.</param>
internal sealed record ResultConfirmationDto(ResultConfirmation State, DateOnly ConfirmBy, DateTimeOffset? At, Guid? ReopenedAsId);

/// <summary>The resolved obstacle a reopened one reports again.</summary>
/// <param name="DocumentId">The issued document whose entry into force resolved it, and did not remove it in practice.</param>
/// <param name="DocumentSymbol">That document's number and symbol.</param>
internal sealed record ReopenedFromDto(Guid Id, string Reference, Guid? DocumentId, string? DocumentSymbol);

/// <summary>An obstacle in a list: public fields only.</summary>
internal sealed record ObstacleListItem(
    Guid Id, string Reference, Guid UnitId, string Title, ObstacleCategory Category, ObstacleSeverity Severity,
    RemedyRoute Proposal, ObstacleStatus Status, Guid? DuplicateOfId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed class ObstacleRow
{
    public long Seq { get; set; }

    public Guid Id { get; set; }

    public string Reference { get; set; } = "";

    public Guid UnitId { get; set; }

    public Guid? ReportedByKeyId { get; set; }

    public Guid? ReportedByPersonId { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string Category { get; set; } = "";

    public string Severity { get; set; } = "";

    public string Proposal { get; set; } = "";

    public string? Impact { get; set; }

    public string? Contact { get; set; }

    public string Status { get; set; } = "";

    public Guid? DuplicateOfId { get; set; }

    public string? Answer { get; set; }

    /// <summary>Since when it has waited: for the coordinators while it is submitted, for the reporting unit while it needs information.</summary>
    public DateTimeOffset? AwaitingAnswerSince { get; set; }

    /// <summary>When it was resolved, and by which issued document (for a duplicate, its master's).</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    public Guid? ResolvedByRegulationId { get; set; }

    /// <summary>What its reporting unit said of the resolution in practice: <c>confirmed</c> or <c>reopened</c>; null until it says.</summary>
    public string? Outcome { get; set; }

    public DateTimeOffset? OutcomeAt { get; set; }

    /// <summary>The new report that reopened it, when the resolution did not hold.</summary>
    public Guid? ReopenedAsId { get; set; }

    /// <summary>The resolved report this one reopens.</summary>
    public Guid? ReopenedFromId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    public ObstacleStatus StatusValue => WireNames.Parse<ObstacleStatus>(Status);

    /// <summary>For a resolved obstacle, what its reporting unit said of the result in practice (pending until it says).</summary>
    public ResultConfirmation? Confirmation =>
        StatusValue != ObstacleStatus.Resolved ? null : Outcome is null ? ResultConfirmation.Pending : WireNames.Parse<ResultConfirmation>(Outcome);

    public ObstacleListItem ToListItem() => new(
        Id, Reference, UnitId, Title, WireNames.Parse<ObstacleCategory>(Category), WireNames.Parse<ObstacleSeverity>(Severity),
        WireNames.Parse<RemedyRoute>(Proposal), StatusValue, DuplicateOfId, CreatedAt, UpdatedAt);

    /// <summary>Full details are for the unit that reported it and for coordinators; everyone else sees the public fields.</summary>
    public bool IsFullyVisibleTo(ICaller caller) => caller.IsInRole(Roles.Coordinator) || caller.UnitId == UnitId;
}

internal static class ObstacleQueries
{
    public const string Columns = """
        seq, id, reference, unit_id, reported_by_key_id, reported_by_person_id,
        title, description, category, severity, proposal,
        impact, contact, status, duplicate_of_id, answer,
        awaiting_answer_since, resolved_at, resolved_by_regulation_id, outcome, outcome_at, reopened_as_id, reopened_from_id,
        created_at, updated_at, version
        """;

    private const string ById = $"SELECT {Columns} FROM obstacle WHERE id = @Id";

    private const string ByIds = $"SELECT {Columns} FROM obstacle WHERE id IN @Ids";

    public static Task<ObstacleRow?> Find(IDbSession db, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<ObstacleRow>(ById, new { Id = id }, ct);

    public static async Task<ObstacleRow> Get(IDbSession db, Guid id, CancellationToken ct) =>
        await Find(db, id, ct) ?? throw new NotFoundException("obstacle", id);

    public static Task<IReadOnlyList<ObstacleRow>> FindMany(IDbSession db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? Task.FromResult<IReadOnlyList<ObstacleRow>>([]) : db.QueryAsync<ObstacleRow>(ByIds, new { Ids = db.Dialect.IdList(ids) }, ct);
}
