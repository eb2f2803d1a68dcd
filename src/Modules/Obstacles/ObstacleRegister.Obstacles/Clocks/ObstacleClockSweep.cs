using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Background;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Obstacles.Clocks;

/// <summary>A page of reports in <paramref name="Status"/> whose wait began before <paramref name="Before"/>, after a keyset position, oldest first.</summary>
internal sealed record FindWaitingReports(string Status, DateTimeOffset Before, DateTimeOffset AfterSince, Guid AfterId, int Limit)
    : IQuery<IReadOnlyList<WaitingReport>>;

/// <param name="Decided">The tiers already decided for this wait.</param>
internal sealed record WaitingReport(Guid Id, ObstacleStatus Status, DateTimeOffset Since, IReadOnlySet<string> Decided);

internal sealed class FindWaitingReportsHandler(IDbSession db) : IRequestHandler<FindWaitingReports, IReadOnlyList<WaitingReport>>
{
    // ix_obstacle_awaiting_answer: (status, awaiting_answer_since, id) over the two waiting statuses.
    private const string Waiting = """
        SELECT id, status, awaiting_answer_since FROM obstacle
        WHERE status = @Status AND awaiting_answer_since < @Before
          AND (awaiting_answer_since > @AfterSince OR (awaiting_answer_since = @AfterSince AND id > @AfterId))
        ORDER BY awaiting_answer_since, id
        """;

    private const string Decided = "SELECT obstacle_id, tier, basis FROM obstacle_notice WHERE obstacle_id IN @Ids";

    public async Task<IReadOnlyList<WaitingReport>> Handle(FindWaitingReports request, CancellationToken cancellationToken)
    {
        var waiting = await db.QueryAsync<(Guid Id, string Status, DateTimeOffset Since)>(db.Dialect.Limit(Waiting), request, cancellationToken);
        if (waiting.Count == 0)
        {
            return [];
        }

        var decided = (await db.QueryAsync<(Guid ObstacleId, string Tier, string Basis)>(
            Decided, new { Ids = db.Dialect.IdList(waiting.Select(w => w.Id)) }, cancellationToken)).ToLookup(d => (d.ObstacleId, d.Basis), d => d.Tier);
        return [.. waiting.Select(w => new WaitingReport(
            w.Id, WireNames.Parse<ObstacleStatus>(w.Status), w.Since, decided[(w.Id, ObstacleClockRules.Basis(w.Since))].ToHashSet()))];
    }
}

/// <summary>
/// Decides the notice a waiting report calls for, in one transaction: stored once (unique per report, tier and wait),
/// recorded in its history (which announces it in the change feed and to webhooks) and emailed — to the coordinators
/// about their answer (an overdue one to their leadership as well), to the reporting unit about its question, to the
/// coordinators when the question lapses. Another instance's first decision is a lost race (412 inside).
/// </summary>
internal sealed record DecideClockNotice(Guid ObstacleId) : IRequest<bool>;

internal sealed class DecideClockNoticeHandler(
    IDbSession db, History.ObstacleHistory history, IMediator mediator, RegisterCalendar calendar, IOptions<ObstacleClockOptions> options, TimeProvider clock)
    : IRequestHandler<DecideClockNotice, bool>
{
    private const string Decided = "SELECT tier FROM obstacle_notice WHERE obstacle_id = @Id AND basis = @Basis";

    private const string Insert = "INSERT INTO obstacle_notice (id, obstacle_id, tier, basis, decided_at) VALUES (@Id, @ObstacleId, @Tier, @Basis, @Now)";

    public async Task<bool> Handle(DecideClockNotice request, CancellationToken cancellationToken)
    {
        var row = await ObstacleQueries.Find(db, request.ObstacleId, cancellationToken);
        if (row?.AwaitingAnswerSince is not { } since
            || ObstacleClockRules.Due(row.StatusValue, since, calendar.DateOf(since), calendar.Today, options.Value) is not { } notice)
        {
            return false;
        }

        var decided = (await db.QueryAsync<string>(Decided, new { row.Id, notice.Basis }, cancellationToken)).ToHashSet();
        if (!ObstacleClockRules.StillToDecide(notice.Tier, decided))
        {
            return false;
        }

        var id = Guid.CreateVersion7();
        try
        {
            await db.ExecuteAsync(Insert, new { Id = id, ObstacleId = row.Id, notice.Tier, notice.Basis, Now = clock.GetUtcNow() }, cancellationToken);
        }
        catch (Exception ex) when (db.Dialect.IsUniqueViolation(ex))
        {
            throw new PreconditionFailedException(row.Version);
        }

        await history.Record(
            BuildingBlocks.Security.Actor.Register, row, notice.Tier, row.StatusValue, row.StatusValue, null, null, cancellationToken,
            History.HistoryReason.OfClock(notice));
        await ClockEmails.Queue(mediator, id, row, notice, cancellationToken);
        return true;
    }
}

/// <summary>Started with the host: every <see cref="ObstacleClockOptions.CheckInterval"/>, reminds and escalates the reports and questions left waiting.</summary>
internal sealed class ObstacleClockSweep(IServiceScopeFactory scopes, IOptions<ObstacleClockOptions> options, LoopSupervisor supervisor) : SupervisedLoop(supervisor)
{
    private const int BatchSize = 500;

    protected override TimeSpan Interval => options.Value.CheckInterval;

    protected override Task RunOnce(CancellationToken ct) => RunRound(scopes, options.Value, ct);

    /// <summary>One round over both clocks; answers how many notices were decided.</summary>
    internal static async Task<int> RunRound(IServiceScopeFactory scopes, ObstacleClockOptions options, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var calendar = scope.ServiceProvider.GetRequiredService<RegisterCalendar>();
        var today = calendar.Today;
        // A wait calls for a notice once its first tier's day has come: the answer's reminder, the question's reminder.
        var clocks = new[]
        {
            (Status: ObstacleStatus.Submitted, Before: calendar.StartOfDay(today.AddDays(options.AnswerRemindDays - options.AnswerWithinDays + 1))),
            (Status: ObstacleStatus.NeedsInformation, Before: calendar.StartOfDay(today.AddDays(1 - options.InformationRemindDays))),
        };
        var decided = 0;
        foreach (var (status, before) in clocks)
        {
            decided += await SweepPass.Run<WaitingReport>(
                after => mediator.Send(new FindWaitingReports(WireNames.Of(status), before, after?.Since ?? DateTimeOffset.MinValue, after?.Id ?? Guid.Empty, BatchSize), ct),
                BatchSize,
                report => CallsForANotice(report, calendar, today, options),
                async report => await mediator.Send(new DecideClockNotice(report.Id), ct) ? 1 : 0,
                ct);
        }

        return decided;
    }

    /// <summary>Decided in memory first, so a wait already reminded and not yet late costs no write transaction.</summary>
    private static bool CallsForANotice(WaitingReport report, RegisterCalendar calendar, DateOnly today, ObstacleClockOptions options) =>
        ObstacleClockRules.Due(report.Status, report.Since, calendar.DateOf(report.Since), today, options) is { } notice
        && ObstacleClockRules.StillToDecide(notice.Tier, report.Decided);
}
