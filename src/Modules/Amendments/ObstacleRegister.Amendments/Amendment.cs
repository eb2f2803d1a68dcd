using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;

namespace ObstacleRegister.Amendments;

/// <summary>The leader who answers for an amendment's progress.</summary>
/// <param name="Name">Full name, up to 200 characters.</param>
/// <param name="Position">Position, e.g. <c>Thứ trưởng</c>, up to 200 characters.</param>
/// <param name="Email">Where they are reached about this work, if given; never shown on the public pages.</param>
internal sealed record ResponsibleOfficial(string Name, string Position, string? Email);

/// <summary>An amendment in a list, with what its deadline means today in the register's time zone.</summary>
/// <param name="DueOn">The current due date for issuance.</param>
/// <param name="DaysOverdue">Days past <paramref name="DueOn"/> while the work is open; 0 when on time or done.</param>
/// <param name="Overdue">Open, and today is after the due date.</param>
/// <param name="Stale">Open, with no check-in for more than 7 days.</param>
/// <param name="LastProgressAt">The last check-in, or when it was opened if none yet.</param>
internal sealed record AmendmentListItem(
    Guid Id, string Title, AmendmentKind Kind, AmendmentStatus Status, Guid RegulationId, Guid DraftingUnitId,
    ResponsibleOfficial ResponsibleOfficial, DateOnly DueOn, int DaysOverdue, bool Overdue, bool Stale, DateTimeOffset LastProgressAt,
    DateTimeOffset UpdatedAt);

internal sealed class AmendmentRow
{
    public Guid Id { get; set; }

    public Guid RegulationId { get; set; }

    public string Kind { get; set; } = "";

    public string Title { get; set; } = "";

    public Guid DraftingUnitId { get; set; }

    public string OfficialName { get; set; } = "";

    public string OfficialPosition { get; set; } = "";

    public string? OfficialEmail { get; set; }

    /// <summary>The address folded, by which the official's desk finds their work; written, never read back.</summary>
    public string? OfficialEmailKey { get; set; }

    public bool ShortenedProcedure { get; set; }

    public string Status { get; set; } = "";

    public bool IsOpen { get; set; }

    public DateOnly DueOn { get; set; }

    public DateOnly OriginalDueOn { get; set; }

    public DateTimeOffset LastProgressAt { get; set; }

    public string? DocumentSymbol { get; set; }

    public Guid? IssuedRegulationId { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    public string? CancellationReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    public AmendmentStatus StatusValue => WireNames.Parse<AmendmentStatus>(Status);

    public AmendmentKind KindValue => WireNames.Parse<AmendmentKind>(Kind);

    public ResponsibleOfficial Official => new(OfficialName, OfficialPosition, OfficialEmail);

    public AmendmentListItem ToListItem(AmendmentClock clock) => new(
        Id, Title, KindValue, StatusValue, RegulationId, DraftingUnitId, Official, DueOn, clock.DaysOverdue(this), clock.IsOverdue(this),
        clock.IsStale(this), LastProgressAt, UpdatedAt);

    public AmendmentSummary ToSummary() => new(Id, Title, KindValue, StatusValue, RegulationId, DraftingUnitId, DueOn, IssuedRegulationId);
}

internal static class AmendmentQueries
{
    public const string Columns = """
        id, regulation_id, kind, title, drafting_unit_id,
        official_name, official_position, official_email, shortened_procedure,
        status, is_open, due_on, original_due_on, last_progress_at,
        document_symbol, issued_regulation_id, issued_on, effective_on,
        cancellation_reason, created_at, updated_at, version
        """;

    private const string ById = $"SELECT {Columns} FROM amendment WHERE id = @Id";

    private const string ByIds = $"SELECT {Columns} FROM amendment WHERE id IN @Ids";

    private const string ObstacleIds = "SELECT obstacle_id FROM amendment_obstacle WHERE amendment_id = @Id ORDER BY linked_at, obstacle_id";

    public static Task<AmendmentRow?> Find(IDbSession db, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<AmendmentRow>(ById, new { Id = id }, ct);

    public static async Task<AmendmentRow> Get(IDbSession db, Guid id, CancellationToken ct) =>
        await Find(db, id, ct) ?? throw new NotFoundException("amendment", id);

    public static Task<IReadOnlyList<AmendmentRow>> FindMany(IDbSession db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? Task.FromResult<IReadOnlyList<AmendmentRow>>([]) : db.QueryAsync<AmendmentRow>(ByIds, new { Ids = db.Dialect.IdList(ids) }, ct);

    public static Task<IReadOnlyList<Guid>> LinkedObstacleIds(IDbSession db, Guid id, CancellationToken ct) =>
        db.QueryAsync<Guid>(ObstacleIds, new { Id = id }, ct);
}

/// <summary>How an official's address is matched whatever its case: folded once when stored, and the same when looked up.</summary>
internal static class OfficialEmails
{
    public static string? Key(string? email) => email?.Trim().ToLowerInvariant();
}
