using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Regulations.Ranks;

namespace ObstacleRegister.Regulations.Changes;

internal sealed class LinkIssuedDocumentHandler(IDbSession db) : IRequestHandler<LinkIssuedDocument, IssuedDocumentSummary>
{
    private const string Existing = "SELECT COUNT(*) FROM regulation_change WHERE regulation_id = @RegulationId AND target_id = @TargetId";

    private const string InsertChange = "INSERT INTO regulation_change (regulation_id, target_id, relation) VALUES (@RegulationId, @TargetId, @Relation)";

    public async Task<IssuedDocumentSummary> Handle(LinkIssuedDocument request, CancellationToken cancellationToken)
    {
        if (request.RegulationId == request.TargetId)
        {
            throw RequestValidationException.For("regulationId", Say.Text("Validation.IssuedIsTarget"));
        }

        var target = await RegulationQueries.Get(db, request.TargetId, cancellationToken);
        var issued = await RegulationQueries.Find(db, request.RegulationId, cancellationToken)
            ?? throw RequestValidationException.For("regulationId", Say.NoSuch("regulation", request.RegulationId));
        if (issued.IssuedOn < target.IssuedOn)
        {
            throw RequestValidationException.For("regulationId",
                $"{issued.Symbol} was issued on {issued.IssuedOn:yyyy-MM-dd}, before {target.Symbol} ({target.IssuedOn:yyyy-MM-dd}): it cannot change it.");
        }

        RegulationRanks.EnsureMayChange("regulationId", issued.Symbol, issued.TypeValue, request.Change, target.Symbol, target.TypeValue);
        if (request.Change == RegulationChange.Guides)
        {
            if (issued.GuidesId != target.Id)
            {
                throw RequestValidationException.For("regulationId", Say.Text("Validation.DoesNotGuide", issued.Symbol, target.Symbol));
            }
        }
        else if (await db.ExecuteScalarAsync<int>(Existing, request, cancellationToken) == 0)
        {
            await db.ExecuteAsync(InsertChange, new { request.RegulationId, request.TargetId, Relation = WireNames.Of(request.Change) }, cancellationToken);
        }

        return new IssuedDocumentSummary(issued.Id, issued.Symbol, issued.IssuedOn, issued.EffectiveOn, issued.StatusValue);
    }
}
