using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Background;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Messaging;

namespace ObstacleRegister.Amendments.Notices;

/// <summary>Which open work a page of candidates is read from.</summary>
internal enum NoticePass
{
    /// <summary>Due within the longest reminder window, or overdue: by (due_on, id).</summary>
    DueOrLate,

    /// <summary>Without a check-in since before the stale threshold: by (last_progress_at, id).</summary>
    Silent,

    /// <summary>Forecast at risk of missing its date, however far off: by id.</summary>
    AtRisk,
}

/// <summary>
/// A page of open amendments that may call for a notice today, after the keyset position given, each with the notices
/// already decided for it.
/// </summary>
internal sealed record FindNoticeCandidates(
    NoticePass Pass, DateOnly Today, DateOnly DueUntil, DateTimeOffset SilentBefore, DateOnly AfterDue, DateTimeOffset AfterProgress, Guid AfterId, int Limit)
    : IQuery<IReadOnlyList<NoticeCandidate>>;

/// <param name="AtRisk">Today's forecast of the amendment as it is says it is at risk.</param>
internal sealed record NoticeCandidate(AmendmentRow Amendment, IReadOnlySet<(string Tier, string Basis)> Decided, bool AtRisk);

internal sealed class FindNoticeCandidatesHandler(IDbSession db) : IRequestHandler<FindNoticeCandidates, IReadOnlyList<NoticeCandidate>>
{
    // The partial indexes over open work serve both: (due_on, id) and (last_progress_at, id) where is_open = 1.
    private const string DueOrLate = $"""
        SELECT {AmendmentQueries.Columns} FROM amendment
        WHERE is_open = 1 AND due_on <= @DueUntil AND (due_on > @AfterDue OR (due_on = @AfterDue AND id > @AfterId))
        ORDER BY due_on, id
        """;

    private const string Silent = $"""
        SELECT {AmendmentQueries.Columns} FROM amendment
        WHERE is_open = 1 AND last_progress_at < @SilentBefore
          AND (last_progress_at > @AfterProgress OR (last_progress_at = @AfterProgress AND id > @AfterId))
        ORDER BY last_progress_at, id
        """;

    private const string AtRisk = $"""
        SELECT {AmendmentQueries.Columns} FROM amendment
        WHERE is_open = 1 AND id IN (SELECT f.amendment_id FROM amendment_forecast f WHERE f.at_risk = 1) AND id > @AfterId
        ORDER BY id
        """;

    private const string Decided = "SELECT amendment_id, tier, basis FROM amendment_notice WHERE amendment_id IN @Ids";

    public async Task<IReadOnlyList<NoticeCandidate>> Handle(FindNoticeCandidates request, CancellationToken cancellationToken)
    {
        var query = request.Pass switch { NoticePass.DueOrLate => DueOrLate, NoticePass.Silent => Silent, _ => AtRisk };
        var rows = await db.QueryAsync<AmendmentRow>(db.Dialect.Limit(query), request, cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var decided = await db.QueryAsync<DecidedRow>(Decided, new { Ids = db.Dialect.IdList(rows.Select(r => r.Id)) }, cancellationToken);
        var byAmendment = decided.ToLookup(d => d.AmendmentId, d => (d.Tier, d.Basis));
        var atRisk = await AtRiskForecasts.Of(db, rows, request.Today, cancellationToken);
        return [.. rows.Select(r => new NoticeCandidate(r, byAmendment[r.Id].ToHashSet(), atRisk.Contains(r.Id)))];
    }

    private sealed class DecidedRow
    {
        public Guid AmendmentId { get; set; }

        public string Tier { get; set; } = "";

        public string Basis { get; set; } = "";
    }
}

/// <summary>
/// Decides one amendment's due notices in one transaction: each is stored once (a unique tier and basis), recorded in
/// the amendment's history, announced in the change feed (which webhooks deliver) and its email queued. A notice another instance stored
/// first makes this a 412 inside: the transaction rolls back and the round moves on.
/// </summary>
internal sealed record DecideNotices(Guid AmendmentId) : IRequest<int>;

internal sealed class DecideNoticesHandler(
    IDbSession db, AmendmentClock clock, History.AmendmentHistory history, NoticeEmails emails, IOptions<NoticeOptions> options, TimeProvider time)
    : IRequestHandler<DecideNotices, int>
{
    private const string Decided = "SELECT tier, basis FROM amendment_notice WHERE amendment_id = @Id";

    private const string Insert = """
        INSERT INTO amendment_notice (id, amendment_id, tier, basis, audience, decided_at)
        VALUES (@Id, @AmendmentId, @Tier, @Basis, @Audience, @DecidedAt)
        """;

    public async Task<int> Handle(DecideNotices request, CancellationToken cancellationToken)
    {
        var row = await AmendmentQueries.Find(db, request.AmendmentId, cancellationToken);
        if (row is null)
        {
            return 0;
        }

        var decided = (await db.QueryAsync<(string Tier, string Basis)>(Decided, new { row.Id }, cancellationToken)).ToHashSet();
        var atRisk = (await AtRiskForecasts.Of(db, [row], clock.Today, cancellationToken)).Contains(row.Id);
        var due = NoticeRules.Due(row, clock.Today, clock.DateOf(row.LastProgressAt), options.Value, atRisk).Where(n => !decided.Contains((n.Tier, n.Basis))).ToList();
        foreach (var notice in due)
        {
            var noticeId = Guid.CreateVersion7();
            try
            {
                await db.ExecuteAsync(Insert, new
                {
                    Id = noticeId, AmendmentId = row.Id, notice.Tier, notice.Basis, notice.Audience, DecidedAt = time.GetUtcNow(),
                }, cancellationToken);
            }
            catch (Exception ex) when (db.Dialect.IsUniqueViolation(ex))
            {
                throw new PreconditionFailedException(row.Version);
            }

            await history.Record(row, BuildingBlocks.Security.Actor.Register, notice.Event, row.StatusValue, row.StatusValue, notice.Tier, cancellationToken);
            await emails.Queue(noticeId, row, notice, cancellationToken);
        }

        return due.Count;
    }
}

/// <summary>Which of these amendments today's forecast, made for the version they are at, calls at risk.</summary>
internal static class AtRiskForecasts
{
    private const string Query = """
        SELECT amendment_id, amendment_version FROM amendment_forecast
        WHERE amendment_id IN @Ids AND at_risk = 1 AND computed_on = @Today
        """;

    public static async Task<IReadOnlySet<Guid>> Of(IDbSession db, IReadOnlyList<AmendmentRow> rows, DateOnly today, CancellationToken ct)
    {
        var flagged = await db.QueryAsync<(Guid Id, long Version)>(Query, new { Ids = db.Dialect.IdList(rows.Select(r => r.Id)), Today = today }, ct);
        var current = rows.ToDictionary(r => r.Id, r => r.Version);
        return flagged.Where(f => current.TryGetValue(f.Id, out var version) && version == f.Version).Select(f => f.Id).ToHashSet();
    }
}

/// <summary>
/// Started with the host: every <see cref="NoticeOptions.CheckInterval"/>, decides the reminders and escalations that
/// late and silent work calls for, in the register's time zone, and the week's digests once their time has come. Issued, in-force and cancelled work is never nudged.
/// </summary>
internal sealed class NoticeSweep(IServiceScopeFactory scopes, IOptions<NoticeOptions> options, LoopSupervisor supervisor) : SupervisedLoop(supervisor)
{
    private const int BatchSize = 500;

    protected override TimeSpan Interval => options.Value.CheckInterval;

    protected override async Task RunOnce(CancellationToken ct)
    {
        await RunRound(scopes, options.Value, ct);
        await WeeklyDigests.RunRound(scopes, options.Value, ct);
    }

    /// <summary>One round; answers how many notices were decided.</summary>
    internal static async Task<int> RunRound(IServiceScopeFactory scopes, NoticeOptions options, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var clock = scope.ServiceProvider.GetRequiredService<AmendmentClock>();
        var (today, dueUntil, silentBefore) = (clock.Today, clock.Today.AddDays(options.DueSoon.DefaultIfEmpty(0).Max()), clock.StaleBefore);
        var decided = 0;
        var tried = new HashSet<Guid>();
        await Forecasts.ForecastRound.Run(scopes, ct);
        foreach (var pass in new[] { NoticePass.DueOrLate, NoticePass.Silent, NoticePass.AtRisk })
        {
            decided += await SweepPass.Run<NoticeCandidate>(
                after => mediator.Send(new FindNoticeCandidates(
                    pass, today, dueUntil, silentBefore, after?.Amendment.DueOn ?? DateOnly.MinValue,
                    after?.Amendment.LastProgressAt ?? DateTimeOffset.MinValue, after?.Amendment.Id ?? Guid.Empty, BatchSize), ct),
                BatchSize,
                candidate => tried.Add(candidate.Amendment.Id) && CallsForANotice(candidate, today, clock, options),
                candidate => mediator.Send(new DecideNotices(candidate.Amendment.Id), ct),
                ct);
        }

        return decided;
    }

    private static bool CallsForANotice(NoticeCandidate candidate, DateOnly today, AmendmentClock clock, NoticeOptions options) =>
        NoticeRules.Due(candidate.Amendment, today, clock.DateOf(candidate.Amendment.LastProgressAt), options, candidate.AtRisk)
            .Any(n => !candidate.Decided.Contains((n.Tier, n.Basis)));
}
