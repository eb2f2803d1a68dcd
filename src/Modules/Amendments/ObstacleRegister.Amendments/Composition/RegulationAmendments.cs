using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Composition;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Amendments.Composition;

/// <summary>What a regulation's page shows of the amendments: those that target it or issued it, newest first.</summary>
internal sealed class RegulationAmendments(IDbSession db) : IViewSlotFiller
{
    private const string Targeting = $"SELECT {AmendmentQueries.Columns} FROM amendment WHERE regulation_id = @Id";

    private const string Issuing = $"SELECT {AmendmentQueries.Columns} FROM amendment WHERE issued_regulation_id = @Id";

    public string View => RegulationViews.Detail;

    public string Slot => "amendments";

    public Type ValueType => typeof(IReadOnlyList<AmendmentSummary>);

    public async Task<object?> FillAsync(Guid id, CancellationToken cancellationToken) => await Touching(db, id, cancellationToken);

    public static async Task<IReadOnlyList<AmendmentSummary>> Touching(IDbSession db, Guid regulationId, CancellationToken ct)
    {
        var targeting = await db.QueryAsync<AmendmentRow>(Targeting, new { Id = regulationId }, ct);
        var issuing = await db.QueryAsync<AmendmentRow>(Issuing, new { Id = regulationId }, ct);
        return [.. targeting.Concat(issuing).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.ToSummary())];
    }
}

/// <summary>A review may name only an amendment that targets the reviewed regulation or issued it.</summary>
internal sealed class ReviewedAmendmentCheck(IDbSession db) : MediatR.INotificationHandler<ReviewNamesAmendment>
{
    public async Task Handle(ReviewNamesAmendment notification, CancellationToken cancellationToken)
    {
        var touching = await RegulationAmendments.Touching(db, notification.RegulationId, cancellationToken);
        if (!touching.Any(a => a.Id == notification.AmendmentId))
        {
            throw BuildingBlocks.Errors.RequestValidationException.For(
                "amendmentId", BuildingBlocks.Localization.Say.Text("Validation.NoAmendmentOfRegulation", notification.AmendmentId));
        }
    }
}
