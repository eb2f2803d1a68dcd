using ObstacleRegister.BuildingBlocks.Composition;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Regulations;

/// <summary>Another document named from this one: the one it guides, or one that guides it.</summary>
/// <param name="Id">The document's id.</param>
/// <param name="Symbol">Its symbol (số, ký hiệu).</param>
/// <param name="Type">Its type.</param>
/// <param name="Title">Its title.</param>
/// <param name="Status">Whether it is in force.</param>
internal sealed record RegulationRef(Guid Id, string Symbol, RegulationType Type, string Title, RegulationStatus Status);

/// <summary>A regulation in a list.</summary>
/// <param name="Id">The regulation's id.</param>
/// <param name="Symbol">Its symbol (số, ký hiệu), e.g. <c>13/2023/NĐ-CP</c>.</param>
/// <param name="Type">The kind of document.</param>
/// <param name="Title">Its title (trích yếu).</param>
/// <param name="Issuer">The issuing body as text, e.g. <c>Chính phủ</c>.</param>
/// <param name="IssuedOn">Date of issue.</param>
/// <param name="EffectiveOn">Date it takes effect, when known.</param>
/// <param name="Status">Whether it is in force.</param>
/// <param name="GuidesId">The higher document it guides (hướng dẫn), if any.</param>
/// <param name="CreatedAt">When it was registered here.</param>
/// <param name="UpdatedAt">When it last changed here.</param>
internal sealed record RegulationListItem(
    Guid Id, string Symbol, RegulationType Type, string Title, string Issuer, DateOnly IssuedOn, DateOnly? EffectiveOn,
    RegulationStatus Status, Guid? GuidesId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>One regulation with the documents around it.</summary>
/// <remarks>Its slots are filled by the modules that own the facts: <c>amendments</c> by Amendments, <c>obstacleCount</c> by Obstacles.</remarks>
/// <param name="Id">The regulation's id.</param>
/// <param name="Symbol">Its symbol (số, ký hiệu), e.g. <c>13/2023/NĐ-CP</c>.</param>
/// <param name="Type">The kind of document.</param>
/// <param name="Title">Its title (trích yếu).</param>
/// <param name="Issuer">The issuing body as text, e.g. <c>Chính phủ</c>.</param>
/// <param name="IssuedOn">Date of issue.</param>
/// <param name="EffectiveOn">Date it takes effect, when known.</param>
/// <param name="Status">Whether it is in force.</param>
/// <param name="GuidesId">The higher document it guides, if any.</param>
/// <param name="Guides">That higher document, in brief.</param>
/// <param name="GuidedBy">The documents that guide this one, oldest first.</param>
/// <param name="Changes">What this document does to earlier ones: amends, replaces, repeals, …</param>
/// <param name="ChangedBy">The documents that amend, replace or repeal this one.</param>
/// <param name="Amendments">The legal work that targets this document or issued it, newest first.</param>
/// <param name="ObstacleCount">How many obstacles cite it (withdrawn ones not counted).</param>
/// <param name="CreatedAt">When it was registered here.</param>
/// <param name="UpdatedAt">When it last changed here.</param>
/// <param name="Version">Its version, the number its ETag carries: send <c>If-Match: "&lt;version&gt;"</c> to change it.</param>
[ComposedView(RegulationViews.Detail)]
internal sealed record RegulationDto(
    Guid Id, string Symbol, RegulationType Type, string Title, string Issuer, DateOnly IssuedOn, DateOnly? EffectiveOn,
    RegulationStatus Status, Guid? GuidesId, RegulationRef? Guides, IReadOnlyList<RegulationRef> GuidedBy,
    IReadOnlyList<RegulationChangeDto> Changes, IReadOnlyList<RegulationChangeDto> ChangedBy, ViewSlot Amendments,
    ViewSlot ObstacleCount, Reviews.ReviewDto? Review, IReadOnlyList<Reviews.ReviewDto> Reviews, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
    : IComposedView;

/// <summary>A change between two documents, seen from one of them.</summary>
/// <param name="Relation">What the changing document does: <c>amends</c>, <c>supplements</c>, <c>replaces</c>, <c>repeals</c>, <c>interprets</c>, <c>temporarily_adjusts</c>.</param>
/// <param name="Regulation">The other document.</param>
internal sealed record RegulationChangeDto(RegulationChange Relation, RegulationRef Regulation);

internal sealed class RegulationRow
{
    public Guid Id { get; set; }

    public string Symbol { get; set; } = "";

    public string SymbolKey { get; set; } = "";

    public string Type { get; set; } = "";

    public string Title { get; set; } = "";

    public string Issuer { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    public string Status { get; set; } = "";

    public Guid? GuidesId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    public RegulationType TypeValue => WireNames.Parse<RegulationType>(Type);

    public RegulationStatus StatusValue => WireNames.Parse<RegulationStatus>(Status);

    public RegulationListItem ToListItem() =>
        new(Id, Symbol, TypeValue, Title, Issuer, IssuedOn, EffectiveOn, StatusValue, GuidesId, CreatedAt, UpdatedAt);

    public RegulationRef ToRef() => new(Id, Symbol, TypeValue, Title, StatusValue);

    public RegulationSummary ToSummary() => new(Id, Symbol, TypeValue, Title, StatusValue, GuidesId, IssuedOn, EffectiveOn, Issuer);
}

internal static class RegulationQueries
{
    public const string Columns = """
        id, symbol, symbol_key, type, title, issuer,
        issued_on, effective_on, status, guides_id,
        created_at, updated_at, version
        """;

    private const string ById = $"SELECT {Columns} FROM regulation WHERE id = @Id";

    private const string BySymbolKey = $"SELECT {Columns} FROM regulation WHERE symbol_key = @SymbolKey";

    private const string ByIds = $"SELECT {Columns} FROM regulation WHERE id IN @Ids";

    private const string BySymbolKeys = $"SELECT {Columns} FROM regulation WHERE symbol_key IN @SymbolKeys";

    /// <summary>SQL Server takes at most 2,100 parameters in one statement; a list is asked for in slices well below it.</summary>
    private const int MaxKeysPerQuery = 500;

    public static Task<RegulationRow?> Find(IDbSession db, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<RegulationRow>(ById, new { Id = id }, ct);

    public static async Task<RegulationRow> Get(IDbSession db, Guid id, CancellationToken ct) =>
        await Find(db, id, ct) ?? throw new NotFoundException("regulation", id);

    public static Task<RegulationRow?> FindBySymbolKey(IDbSession db, string symbolKey, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<RegulationRow>(BySymbolKey, new { SymbolKey = symbolKey }, ct);

    public static Task<IReadOnlyList<RegulationRow>> FindMany(IDbSession db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0
            ? Task.FromResult<IReadOnlyList<RegulationRow>>([])
            : db.QueryAsync<RegulationRow>(ByIds, new { Ids = db.Dialect.IdList(ids) }, ct);

    public static async Task<IReadOnlyList<RegulationRow>> FindBySymbolKeys(IDbSession db, IReadOnlyList<string> symbolKeys, CancellationToken ct)
    {
        var rows = new List<RegulationRow>();
        foreach (var slice in symbolKeys.Chunk(MaxKeysPerQuery))
        {
            rows.AddRange(await db.QueryAsync<RegulationRow>(BySymbolKeys, new { SymbolKeys = slice }, ct));
        }

        return rows;
    }
}
