using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Amendments.List;

/// <summary>An amendment's public fields, computed as the public list computes them.</summary>
internal static class PublicAmendments
{
    public static async Task<IReadOnlyList<PublicAmendment>> Of(IDbSession db, IReadOnlyList<AmendmentRow> rows, AmendmentClock clock, CancellationToken ct)
    {
        var atRisk = rows.Count == 0 ? new HashSet<Guid>() : await Notices.AtRiskForecasts.Of(db, rows, clock.Today, ct);
        return [.. rows.Select(r => new PublicAmendment(
            r.Id, r.Title, r.KindValue, r.StatusValue, r.RegulationId, r.DraftingUnitId, r.OfficialName, r.OfficialPosition, r.DueOn,
            r.OriginalDueOn, clock.DaysOverdue(r), clock.TotalDaysLate(r), r.IssuedRegulationId, atRisk.Contains(r.Id)))];
    }
}

internal sealed class GetPublicAmendmentsHandler(IDbSession db, AmendmentClock clock) : IRequestHandler<GetPublicAmendments, IReadOnlyList<PublicAmendment>>
{
    public async Task<IReadOnlyList<PublicAmendment>> Handle(GetPublicAmendments request, CancellationToken cancellationToken) =>
        await PublicAmendments.Of(db, await AmendmentQueries.FindMany(db, request.Ids, cancellationToken), clock, cancellationToken);
}

internal sealed class GetPublicAmendmentTimelineHandler(IDbSession db) : IRequestHandler<GetPublicAmendmentTimeline, IReadOnlyList<AmendmentStep>>
{
    // The entries that moved it (and the first): check-ins, links and moved deadlines keep the stage.
    private const string Steps = """
        SELECT at, to_status
        FROM amendment_event
        WHERE amendment_id = @Id AND (from_status IS NULL OR from_status <> to_status)
        ORDER BY at, id
        """;

    // Stages only move forward: two reached at the same instant (issued and in force the same day) are in the stages' order.
    public async Task<IReadOnlyList<AmendmentStep>> Handle(GetPublicAmendmentTimeline request, CancellationToken cancellationToken) =>
        [.. (await db.QueryAsync<StepRow>(Steps, new { request.Id }, cancellationToken))
            .Select(s => new AmendmentStep(s.At, WireNames.Parse<AmendmentStatus>(s.ToStatus)))
            .OrderBy(s => s.At).ThenBy(s => s.Status)];

    private sealed class StepRow
    {
        public DateTimeOffset At { get; set; }

        public string ToStatus { get; set; } = "";
    }
}

internal sealed class GetObstacleIdsOfAmendmentHandler(IDbSession db) : IRequestHandler<GetObstacleIdsOfAmendment, IReadOnlyList<Guid>>
{
    public Task<IReadOnlyList<Guid>> Handle(GetObstacleIdsOfAmendment request, CancellationToken cancellationToken) =>
        AmendmentQueries.LinkedObstacleIds(db, request.Id, cancellationToken);
}
