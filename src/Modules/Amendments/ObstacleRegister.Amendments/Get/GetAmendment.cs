using MediatR;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.Notices;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.Notifications.Contracts;
using ObstacleRegister.Amendments.Progress;
using ObstacleRegister.Amendments.Stages;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Amendments.Get;

/// <summary>One amendment in full. Writers send it inside their own transaction, so they answer what they committed.</summary>
internal sealed record GetAmendment(Guid Id) : IQuery<VersionedAmendment>;

internal sealed class GetAmendmentHandler(IDbSession db, IMediator mediator, AmendmentClock clock) : IRequestHandler<GetAmendment, VersionedAmendment>
{
    public const int RecentProgressCount = 10;

    private const string StageDates = "SELECT stage, planned_on, reached_on FROM amendment_stage WHERE amendment_id = @Id";

    private const string Deadlines = """
        SELECT at, previous_due_on, due_on, reason, reason_code, key_id, unit_id, person_id
        FROM amendment_deadline WHERE amendment_id = @Id ORDER BY at, id
        """;

    private const string ForecastQuery = """
        SELECT p50_issued_on, p85_issued_on, on_time_probability, basis, at_risk, computed_on
        FROM amendment_forecast WHERE amendment_id = @Id AND amendment_version = @Version
        """;

    private const string NoticeQuery = """
        SELECT id, tier, basis, audience, decided_at
        FROM amendment_notice WHERE amendment_id = @Id
        """;

    public async Task<VersionedAmendment> Handle(GetAmendment request, CancellationToken cancellationToken)
    {
        var row = await AmendmentQueries.Get(db, request.Id, cancellationToken);
        var regulation = await mediator.Send(new GetRegulation(row.RegulationId), cancellationToken);
        var unit = await mediator.Send(new GetUnit(row.DraftingUnitId), cancellationToken);
        var obstacles = await mediator.Send(new GetObstacles(await AmendmentQueries.LinkedObstacleIds(db, row.Id, cancellationToken)), cancellationToken);
        var deadlineRows = await db.QueryAsync<DeadlineRow>(Deadlines, new { row.Id }, cancellationToken);
        var names = await mediator.Send(GetActorNames.PeopleOf(deadlineRows), cancellationToken);
        var deadlines = deadlineRows
            .Select(d => new DeadlineChange(
                d.At, d.PreviousDueOn, d.DueOn, d.ReasonCode is { } code ? Say.Text(DeadlineReasons.Texts + code) : d.Reason, d.KeyId, d.UnitId, d.ReasonCode,
                names.Person(d.PersonId)))
            .ToList();
        var progress = await ProgressQueries.Latest(db, mediator, row.Id, RecentProgressCount, cancellationToken);

        var dto = new AmendmentDto(
            row.Id, row.Title, row.KindValue, row.StatusValue, row.ShortenedProcedure, row.RegulationId,
            regulation is null ? null : new RegulationRef(regulation.Id, regulation.Symbol, regulation.Type, regulation.Title, regulation.Status),
            row.DraftingUnitId, unit is null ? null : new UnitRef(unit.Id, unit.Code, unit.Name), row.Official, row.DueOn, row.OriginalDueOn,
            clock.DaysOverdue(row), clock.TotalDaysLate(row), clock.IsOverdue(row), clock.IsStale(row), row.LastProgressAt,
            clock.DaysSinceProgress(row), await Stages(row.Id, cancellationToken),
            obstacles.Select(o => new LinkedObstacle(o.Id, o.Reference, o.Status, o.UnitId)).ToList(), deadlines, progress,
            row.IssuedRegulationId is { } issuedId ? new IssuedDocument(issuedId, row.DocumentSymbol!, row.IssuedOn!.Value, row.EffectiveOn!.Value) : null,
            row.CancellationReason, await NoticesOf(row.Id, cancellationToken), row.CreatedAt, row.UpdatedAt, row.Version)
        {
            Forecast = row.IsOpen ? (await db.QuerySingleOrDefaultAsync<Forecasts.ForecastRow>(ForecastQuery, new { row.Id, row.Version }, cancellationToken))?.ToDto() : null,
        };
        return new VersionedAmendment(dto);
    }

    private async Task<IReadOnlyList<NoticeDto>> NoticesOf(Guid id, CancellationToken ct)
    {
        var notices = await db.QueryAsync<NoticeRow>(NoticeQuery, new { Id = id }, ct);
        var emails = (await mediator.Send(new GetEmailDeliveries([.. notices.Select(n => n.Id)]), ct)).ToDictionary(e => e.SourceId);
        return [.. notices.OrderBy(n => n.DecidedAt).ThenBy(n => NoticeRules.Rank(n.Tier)).Select(n => new NoticeDto(
            n.Tier, AmendmentEvents.Type(NoticeRules.EventOf(n.Tier)), n.Audience.Split(','), n.Basis, n.DecidedAt, Deliveries(emails.GetValueOrDefault(n.Id))))];
    }

    private static IReadOnlyList<NoticeDelivery> Deliveries(EmailDelivery? email) =>
        email is null
            ? [Published]
            : [Published, new NoticeDelivery("email", email.State, email.To, email.SkipReason, email.Attempts, email.SentAt, email.LastError)];

    private async Task<IReadOnlyList<StageDto>> Stages(Guid id, CancellationToken ct)
    {
        var stored = (await db.QueryAsync<StageRow>(StageDates, new { Id = id }, ct)).ToDictionary(s => s.Stage);
        return AmendmentStages.Process
            .Select(stage => stored.GetValueOrDefault(WireNames.Of(stage)) is { } s ? new StageDto(stage, s.PlannedOn, s.ReachedOn) : new StageDto(stage, null, null))
            .ToList();
    }

    private sealed class DeadlineRow : IRecordedActor
    {
        public DateTimeOffset At { get; set; }

        public DateOnly? PreviousDueOn { get; set; }

        public DateOnly DueOn { get; set; }

        public string Reason { get; set; } = "";

        public string? ReasonCode { get; set; }

        public Guid? KeyId { get; set; }

        public Guid? UnitId { get; set; }

        public Guid? PersonId { get; set; }
    }

    private static readonly NoticeDelivery Published = new("change_feed", "published");

    private sealed class NoticeRow
    {
        public Guid Id { get; set; }

        public string Tier { get; set; } = "";

        public string Basis { get; set; } = "";

        public string Audience { get; set; } = "";

        public DateTimeOffset DecidedAt { get; set; }
    }

    private sealed class StageRow
    {
        public string Stage { get; set; } = "";

        public DateOnly? PlannedOn { get; set; }

        public DateOnly? ReachedOn { get; set; }
    }
}
