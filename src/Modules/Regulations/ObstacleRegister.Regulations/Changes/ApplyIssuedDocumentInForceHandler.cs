using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Regulations.Changes;

/// <summary>
/// When an amendment takes effect, its issued document is in force and its target is amended, replaced or
/// repealed, as the recorded change says. Runs in the amendment's transaction.
/// </summary>
internal sealed class ApplyIssuedDocumentInForceHandler(IDbSession db, TimeProvider clock, IChangeLog changes, Reviews.ReviewFlags reviews)
    : IRequestHandler<ApplyIssuedDocumentInForce, Unit>
{
    private const string Relation = "SELECT relation FROM regulation_change WHERE regulation_id = @IssuedId AND target_id = @TargetId";

    private const string SetStatus = """
        UPDATE regulation SET status = @To, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status IN @From
        """;

    private static readonly string[] NotYetInForce = [WireNames.Of(RegulationStatus.NotYetInForce)];

    /// <summary>A later change never undoes a stronger one: a repealed document does not become "amended".</summary>
    private static readonly string[] StillInForce = [.. new[] { RegulationStatus.NotYetInForce, RegulationStatus.InForce }.Select(WireNames.Of)];

    private static readonly string[] NotYetGone = [.. new[] { RegulationStatus.NotYetInForce, RegulationStatus.InForce, RegulationStatus.Amended }.Select(WireNames.Of)];

    public async Task<Unit> Handle(ApplyIssuedDocumentInForce request, CancellationToken cancellationToken)
    {
        await SetStatusIfIn(request.IssuedRegulationId, RegulationStatus.InForce, NotYetInForce, cancellationToken);

        var relation = await db.QuerySingleOrDefaultAsync<string>(Relation, new { IssuedId = request.IssuedRegulationId, request.TargetId }, cancellationToken);
        if (relation is null || TargetStatus(WireNames.Parse<RegulationChange>(relation)) is not { } status)
        {
            return Unit.Value;
        }

        await SetStatusIfIn(request.TargetId, status, status == RegulationStatus.Amended ? StillInForce : NotYetGone, cancellationToken);
        await reviews.FlagGuidingDocuments(
            request.TargetId, request.IssuedRegulationId, request.AmendmentId, WireNames.Parse<RegulationChange>(relation), cancellationToken);
        return Unit.Value;
    }

    private async Task SetStatusIfIn(Guid id, RegulationStatus to, string[] from, CancellationToken ct)
    {
        if (await db.ExecuteAsync(SetStatus, new { Id = id, To = WireNames.Of(to), From = from, Now = clock.GetUtcNow() }, ct) > 0)
        {
            await changes.Record(new ResourceChange(RegulationEvents.Type(RegulationEvents.StatusChanged), RegulationEvents.Resource, id, null), ct);
        }
    }

    private static RegulationStatus? TargetStatus(RegulationChange change) => change switch
    {
        RegulationChange.Amends or RegulationChange.Supplements or RegulationChange.TemporarilyAdjusts => RegulationStatus.Amended,
        RegulationChange.Replaces => RegulationStatus.Replaced,
        RegulationChange.Repeals => RegulationStatus.Repealed,
        _ => null,
    };
}
