using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Regulations.Get;

internal sealed class GetRegulationRelationsHandler(IDbSession db) : IRequestHandler<GetRegulationRelations, RegulationRelations>
{
    public async Task<RegulationRelations> Handle(GetRegulationRelations request, CancellationToken cancellationToken)
    {
        var (guidedBy, changes, changedBy, others) = await RegulationDetails.Surroundings(db, request.Id, cancellationToken);
        return new RegulationRelations([.. guidedBy.Select(g => g.ToSummary())], Related(changes, others), Related(changedBy, others));
    }

    private static List<RelatedRegulation> Related(IEnumerable<RegulationDetails.ChangeRow> rows, Dictionary<Guid, RegulationRow> others) =>
        [.. rows.Where(c => others.ContainsKey(c.OtherId))
            .Select(c => new RelatedRegulation(WireNames.Parse<RegulationChange>(c.Relation), others[c.OtherId].ToSummary()))
            .OrderBy(c => c.Regulation.IssuedOn).ThenBy(c => c.Regulation.Symbol, StringComparer.Ordinal)];
}

internal sealed class ReadRegulationsHandler(IDbSession db) : IRequestHandler<ReadRegulations, IReadOnlyList<RegulationSummary>>
{
    private const string First = $"SELECT {RegulationQueries.Columns} FROM regulation ORDER BY id";

    private const string After = $"SELECT {RegulationQueries.Columns} FROM regulation WHERE id > @AfterId ORDER BY id";

    public async Task<IReadOnlyList<RegulationSummary>> Handle(ReadRegulations request, CancellationToken cancellationToken) =>
        [.. (await db.QueryAsync<RegulationRow>(db.Dialect.Limit(request.AfterId is null ? First : After), new { request.AfterId, request.Limit }, cancellationToken))
            .Select(r => r.ToSummary())];
}
