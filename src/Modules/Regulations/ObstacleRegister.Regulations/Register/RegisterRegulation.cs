using ObstacleRegister.Regulations.Contracts;
using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Regulations.Get;

namespace ObstacleRegister.Regulations.Register;

/// <summary>Registers a legal document so obstacles and amendments can cite it.</summary>
internal sealed record RegisterRegulation(ValidRegulation Regulation) : IRequest<VersionedRegulation>;

internal sealed class RegisterRegulationHandler(IDbSession db, RegulationWriter writer, TimeProvider clock, IMediator mediator, IChangeLog changes)
    : IRequestHandler<RegisterRegulation, VersionedRegulation>
{
    private const string Insert = """
        INSERT INTO regulation (id, symbol, symbol_key, type, title, issuer, issued_on, effective_on, status, guides_id,
                                created_at, updated_at, version)
        VALUES (@Id, @Symbol, @SymbolKey, @Type, @Title, @Issuer, @IssuedOn, @EffectiveOn, @Status, @GuidesId,
                @CreatedAt, @UpdatedAt, 1)
        """;

    public async Task<VersionedRegulation> Handle(RegisterRegulation request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var row = new RegulationRow { Id = Guid.CreateVersion7(), CreatedAt = now, UpdatedAt = now, Version = 1 };
        writer.Apply(request.Regulation, row);
        await writer.EnsureSymbolFree(row, cancellationToken);
        await writer.EnsureGuidesIsValid(row, cancellationToken);
        try
        {
            await db.ExecuteAsync(Insert, row, cancellationToken);
        }
        catch (Exception ex) when (db.Dialect.IsUniqueViolation(ex))
        {
            // Another request registered the same symbol between our check and our insert.
            throw RegulationWriter.DuplicateSymbol(row.Symbol, null);
        }

        await writer.WriteTerms(row, replace: false, cancellationToken);
        await changes.Record(new ResourceChange(RegulationEvents.Type(RegulationEvents.Registered), RegulationEvents.Resource, row.Id, null), cancellationToken);
        return await RegulationDetails.Load(db, mediator, row, cancellationToken);
    }
}
