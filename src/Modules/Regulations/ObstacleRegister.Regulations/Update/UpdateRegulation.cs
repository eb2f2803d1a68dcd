using ObstacleRegister.Regulations.Contracts;
using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Regulations.Get;

namespace ObstacleRegister.Regulations.Update;

/// <summary>Replaces a regulation's fields; with <c>If-Match</c>, only if nobody changed it since it was read.</summary>
internal sealed record UpdateRegulation(Guid Id, string? IfMatch, ValidRegulation Regulation) : IRequest<VersionedRegulation>;

internal sealed class UpdateRegulationHandler(IDbSession db, RegulationWriter writer, TimeProvider clock, IMediator mediator, IChangeLog changes)
    : IRequestHandler<UpdateRegulation, VersionedRegulation>
{
    private const string Update = """
        UPDATE regulation
        SET symbol = @Symbol, symbol_key = @SymbolKey, type = @Type, title = @Title, issuer = @Issuer,
            issued_on = @IssuedOn, effective_on = @EffectiveOn, status = @Status, guides_id = @GuidesId,
            updated_at = @UpdatedAt, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    public async Task<VersionedRegulation> Handle(UpdateRegulation request, CancellationToken cancellationToken)
    {
        var row = await RegulationQueries.Get(db, request.Id, cancellationToken);
        Versions.EnsureMatches(request.IfMatch, row.Version);
        var symbolKeyBefore = row.SymbolKey;
        var titleBefore = row.Title;
        writer.Apply(request.Regulation, row);
        row.UpdatedAt = clock.GetUtcNow();
        await writer.EnsureSymbolFree(row, cancellationToken);
        await writer.EnsureGuidesIsValid(row, cancellationToken);
        int changed;
        try
        {
            changed = await db.ExecuteAsync(Update, row, cancellationToken);
        }
        catch (Exception ex) when (db.Dialect.IsUniqueViolation(ex))
        {
            throw RegulationWriter.DuplicateSymbol(row.Symbol, null);
        }

        if (changed == 0)
        {
            // Changed by another request after we read it: the caller's view is stale either way.
            throw new PreconditionFailedException(row.Version + 1);
        }

        row.Version++;
        if (row.SymbolKey != symbolKeyBefore || row.Title != titleBefore)
        {
            await writer.WriteTerms(row, replace: true, cancellationToken);
        }

        await changes.Record(new ResourceChange(RegulationEvents.Type(RegulationEvents.Updated), RegulationEvents.Resource, row.Id, null), cancellationToken);
        return await RegulationDetails.Load(db, mediator, row, cancellationToken);
    }
}
