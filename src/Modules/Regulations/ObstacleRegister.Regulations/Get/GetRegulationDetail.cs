using MediatR;
using ObstacleRegister.BuildingBlocks.Composition;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Regulations.Get;

/// <summary>One regulation with the document it guides and the documents that guide it.</summary>
internal sealed record GetRegulationDetail(Guid Id) : IQuery<VersionedRegulation>;

/// <summary>A regulation as returned, with the version its ETag carries.</summary>
internal sealed record VersionedRegulation(RegulationDto Regulation) : IHasComposedView
{
    public IComposedView View => Regulation;

    public long Version => Regulation.Version;

    public void Deconstruct(out RegulationDto regulation, out long version)
    {
        regulation = Regulation;
        version = Version;
    }
}

internal sealed class GetRegulationDetailHandler(IDbSession db, IMediator mediator) : IRequestHandler<GetRegulationDetail, VersionedRegulation>
{
    public async Task<VersionedRegulation> Handle(GetRegulationDetail request, CancellationToken cancellationToken) =>
        await RegulationDetails.Load(db, mediator, await RegulationQueries.Get(db, request.Id, cancellationToken), cancellationToken);
}

internal static class RegulationDetails
{
    private const string GuidedBy = $"SELECT {RegulationQueries.Columns} FROM regulation WHERE guides_id = @Id ORDER BY issued_on, id";

    private const string Changes = "SELECT target_id AS OtherId, relation FROM regulation_change WHERE regulation_id = @Id";

    private const string ChangedBy = "SELECT regulation_id AS OtherId, relation FROM regulation_change WHERE target_id = @Id";

    /// <summary>Reads what surrounds a row; writers call it inside their own transaction so they return what they committed.</summary>
    public static async Task<VersionedRegulation> Load(IDbSession db, IMediator mediator, RegulationRow row, CancellationToken ct)
    {
        var guides = row.GuidesId is { } guidesId ? await RegulationQueries.Find(db, guidesId, ct) : null;
        var (guidedBy, changes, changedBy, others) = await Surroundings(db, row.Id, ct);
        var reviews = await Reviews.ReviewQueries.Of(db, mediator, row.Id, ct);
        var dto = new RegulationDto(
            row.Id, row.Symbol, row.TypeValue, row.Title, row.Issuer, row.IssuedOn, row.EffectiveOn, row.StatusValue,
            row.GuidesId, guides?.ToRef(), guidedBy.Select(g => g.ToRef()).ToList(), ToDtos(changes, others), ToDtos(changedBy, others),
            ViewSlot.Open(), ViewSlot.Open(), reviews.FirstOrDefault(r => r.ReviewedAt is null), reviews, row.CreatedAt, row.UpdatedAt, row.Version);
        return new VersionedRegulation(dto);
    }

    /// <summary>The documents that guide a regulation, those it changes and those that changed it, with every other document named.</summary>
    public static async Task<Surrounding> Surroundings(IDbSession db, Guid id, CancellationToken ct)
    {
        var guidedBy = await db.QueryAsync<RegulationRow>(GuidedBy, new { Id = id }, ct);
        var changes = await db.QueryAsync<ChangeRow>(Changes, new { Id = id }, ct);
        var changedBy = await db.QueryAsync<ChangeRow>(ChangedBy, new { Id = id }, ct);
        var others = (await RegulationQueries.FindMany(db, [.. changes.Concat(changedBy).Select(c => c.OtherId).Distinct()], ct)).ToDictionary(r => r.Id);
        return new Surrounding(guidedBy, changes, changedBy, others);
    }

    internal sealed record Surrounding(
        IReadOnlyList<RegulationRow> GuidedBy, IReadOnlyList<ChangeRow> Changes, IReadOnlyList<ChangeRow> ChangedBy, Dictionary<Guid, RegulationRow> Others);

    private static List<RegulationChangeDto> ToDtos(IEnumerable<ChangeRow> rows, Dictionary<Guid, RegulationRow> others) =>
        [.. rows.Select(c => new RegulationChangeDto(WireNames.Parse<RegulationChange>(c.Relation), others[c.OtherId].ToRef()))
            .OrderBy(c => c.Regulation.Symbol, StringComparer.Ordinal)];

    internal sealed class ChangeRow
    {
        public Guid OtherId { get; set; }

        public string Relation { get; set; } = "";
    }
}
