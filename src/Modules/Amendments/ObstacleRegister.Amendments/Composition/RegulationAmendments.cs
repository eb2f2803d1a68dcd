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

    public async Task<object?> FillAsync(Guid id, CancellationToken cancellationToken)
    {
        var targeting = await db.QueryAsync<AmendmentRow>(Targeting, new { Id = id }, cancellationToken);
        var issuing = await db.QueryAsync<AmendmentRow>(Issuing, new { Id = id }, cancellationToken);
        return (IReadOnlyList<AmendmentSummary>)[.. targeting.Concat(issuing).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.ToSummary())];
    }
}

/// <summary>A review may name only an amendment that targets the reviewed regulation or issued it.</summary>
internal sealed class ReviewedAmendmentCheck(IDbSession db) : MediatR.INotificationHandler<ReviewNamesAmendment>
{
    private const string Touches = """
        SELECT COUNT(*) FROM amendment
        WHERE id = @AmendmentId AND (regulation_id = @RegulationId OR issued_regulation_id = @RegulationId)
        """;

    public async Task Handle(ReviewNamesAmendment notification, CancellationToken cancellationToken)
    {
        if (await db.ExecuteScalarAsync<int>(Touches, new { notification.AmendmentId, notification.RegulationId }, cancellationToken) == 0)
        {
            throw BuildingBlocks.Errors.RequestValidationException.For(
                "amendmentId", BuildingBlocks.Localization.Say.Text("Validation.NoAmendmentOfRegulation", notification.AmendmentId));
        }
    }
}
