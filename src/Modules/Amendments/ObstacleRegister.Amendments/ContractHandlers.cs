using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Amendments;

internal sealed class GetAmendmentsTouchingRegulationHandler(IDbSession db)
    : IRequestHandler<GetAmendmentsTouchingRegulation, IReadOnlyList<AmendmentSummary>>
{
    private const string Targeting = $"SELECT {AmendmentQueries.Columns} FROM amendment WHERE regulation_id = @Id";

    private const string Issuing = $"SELECT {AmendmentQueries.Columns} FROM amendment WHERE issued_regulation_id = @Id";

    public async Task<IReadOnlyList<AmendmentSummary>> Handle(GetAmendmentsTouchingRegulation request, CancellationToken cancellationToken)
    {
        var targeting = await db.QueryAsync<AmendmentRow>(Targeting, new { Id = request.RegulationId }, cancellationToken);
        var issuing = await db.QueryAsync<AmendmentRow>(Issuing, new { Id = request.RegulationId }, cancellationToken);
        return targeting.Concat(issuing).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.ToSummary()).ToList();
    }
}
