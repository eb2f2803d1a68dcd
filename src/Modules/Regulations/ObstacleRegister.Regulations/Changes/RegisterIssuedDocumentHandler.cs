using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Regulations.Ranks;
using ObstacleRegister.Regulations.Register;
using ObstacleRegister.Regulations.Symbols;

namespace ObstacleRegister.Regulations.Changes;

/// <summary>
/// Registers an amendment's issued document like any other regulation (same symbol rules, same uniqueness), then
/// records what it does to its target. Field errors are named as the issuing client sent them.
/// </summary>
internal sealed class RegisterIssuedDocumentHandler(IDbSession db, IMediator mediator) : IRequestHandler<RegisterIssuedDocument, RegulationSummary>
{
    private const string InsertChange = "INSERT INTO regulation_change (regulation_id, target_id, relation) VALUES (@RegulationId, @TargetId, @Relation)";

    /// <summary>The issue body's names for the regulation fields it fills.</summary>
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["symbol"] = "documentSymbol",
    };

    public async Task<RegulationSummary> Handle(RegisterIssuedDocument request, CancellationToken cancellationToken)
    {
        var target = await RegulationQueries.Get(db, request.TargetId, cancellationToken);
        if (request.IssuedOn < target.IssuedOn)
        {
            throw RequestValidationException.For("issuedOn",
                $"'issuedOn' ({request.IssuedOn:yyyy-MM-dd}) is before {target.Symbol} was issued ({target.IssuedOn:yyyy-MM-dd}): a document cannot change one not yet issued.");
        }

        var type = request.Type ?? RegulationSymbol.TypeNamed(request.DocumentSymbol) ?? target.TypeValue;
        RegulationRanks.EnsureMayChange("documentSymbol", request.DocumentSymbol, type, request.Change, target.Symbol, target.TypeValue);
        var body = new RegulationBody(
            request.DocumentSymbol, type, request.Title ?? request.DefaultTitle, request.Issuer ?? target.Issuer,
            request.IssuedOn, request.EffectiveOn, Status: null, GuidesId: request.Change == RegulationChange.Guides ? target.Id : null);
        var (issued, _) = await mediator.Send(new RegisterRegulation(Checked(body)), cancellationToken);
        if (request.Change != RegulationChange.Guides)
        {
            // A guiding document's relation is its guidesId; every other change is recorded here.
            await db.ExecuteAsync(InsertChange, new { RegulationId = issued.Id, TargetId = target.Id, Relation = WireNames.Of(request.Change) }, cancellationToken);
        }

        return new RegulationSummary(issued.Id, issued.Symbol, issued.Type, issued.Title, issued.Status, issued.GuidesId, issued.IssuedOn, issued.EffectiveOn);
    }

    private static ValidRegulation Checked(RegulationBody body)
    {
        try
        {
            return RegulationBodyRules.Check(body);
        }
        catch (RequestValidationException invalid)
        {
            throw new RequestValidationException(invalid.Errors.ToDictionary(e => FieldNames.GetValueOrDefault(e.Key, e.Key), e => e.Value));
        }
    }
}
