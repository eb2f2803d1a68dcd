using ObstacleRegister.Regulations.Contracts;
using System.Globalization;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Background;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Notifications.Contracts;

namespace ObstacleRegister.Regulations.Reviews;

/// <summary>Bound from <c>Notifications</c>: when an open review flag is reminded, then escalated.</summary>
public sealed class ReviewReminderOptions
{
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Days a review may stay open before the coordinators are reminded of it.</summary>
    public int RemindReviewAfterDays { get; set; } = 14;

    /// <summary>Days a review may stay open before it is escalated to the coordinators' leadership.</summary>
    public int EscalateReviewAfterDays { get; set; } = 30;

    internal bool IsValid => CheckInterval > TimeSpan.Zero && RemindReviewAfterDays > 0 && EscalateReviewAfterDays > RemindReviewAfterDays;

    /// <summary>The tier an open review of this age calls for: the most advanced reached, or none.</summary>
    internal string? TierFor(int days) => days >= EscalateReviewAfterDays ? Escalated : days >= RemindReviewAfterDays ? Reminded : null;

    internal const string Reminded = "reminded";
    internal const string Escalated = "escalated";
}

/// <summary>A page of open reviews flagged before <paramref name="FlaggedBefore"/>, after a keyset position, oldest first.</summary>
internal sealed record FindReviewsToRemind(DateTimeOffset FlaggedBefore, DateTimeOffset AfterFlaggedAt, Guid AfterId, int Limit)
    : IQuery<IReadOnlyList<ReviewToRemind>>;

internal sealed record ReviewToRemind(Guid Id, DateTimeOffset FlaggedAt, IReadOnlySet<string> Decided);

internal sealed class FindReviewsToRemindHandler(IDbSession db) : IRequestHandler<FindReviewsToRemind, IReadOnlyList<ReviewToRemind>>
{
    private const string Open = """
        SELECT id, flagged_at FROM regulation_review
        WHERE reviewed_at IS NULL AND flagged_at < @FlaggedBefore AND (flagged_at > @AfterFlaggedAt OR (flagged_at = @AfterFlaggedAt AND id > @AfterId))
        ORDER BY flagged_at, id
        """;

    private const string Decided = "SELECT review_id, tier FROM regulation_review_reminder WHERE review_id IN @Ids";

    public async Task<IReadOnlyList<ReviewToRemind>> Handle(FindReviewsToRemind request, CancellationToken cancellationToken)
    {
        var open = await db.QueryAsync<(Guid Id, DateTimeOffset FlaggedAt)>(db.Dialect.Limit(Open), request, cancellationToken);
        if (open.Count == 0)
        {
            return [];
        }

        var decided = (await db.QueryAsync<(Guid ReviewId, string Tier)>(Decided, new { Ids = db.Dialect.IdList(open.Select(o => o.Id)) }, cancellationToken))
            .ToLookup(d => d.ReviewId, d => d.Tier);
        return [.. open.Select(o => new ReviewToRemind(o.Id, o.FlaggedAt, decided[o.Id].ToHashSet()))];
    }
}

/// <summary>
/// Decides the reminder an open review calls for, in one transaction: stored once (unique per review and tier), published
/// (<c>regulation.review_reminded</c> or <c>regulation.review_escalated</c>) and emailed to the coordinators, an escalation
/// to their leadership as well. Answers whether one was decided; another instance's first is a lost race (412 inside).
/// </summary>
internal sealed record DecideReviewReminder(Guid ReviewId) : IRequest<bool>;

internal sealed class DecideReviewReminderHandler(
    IDbSession db, IMediator mediator, IChangeLog changes, RegisterCalendar calendar, IOptions<ReviewReminderOptions> options, TimeProvider clock)
    : IRequestHandler<DecideReviewReminder, bool>
{
    private const string Review = """
        SELECT v.regulation_id, v.flagged_at, v.reviewed_at, v.lapses,
               r.symbol, r.title, i.symbol AS IssuedSymbol
        FROM regulation_review v JOIN regulation r ON r.id = v.regulation_id JOIN regulation i ON i.id = v.issued_regulation_id
        WHERE v.id = @Id
        """;

    private const string Decided = "SELECT tier FROM regulation_review_reminder WHERE review_id = @Id";

    private const string Insert = "INSERT INTO regulation_review_reminder (id, review_id, tier, decided_at) VALUES (@Id, @ReviewId, @Tier, @Now)";

    public async Task<bool> Handle(DecideReviewReminder request, CancellationToken cancellationToken)
    {
        var review = (await db.QueryAsync<ReviewRow>(Review, new { Id = request.ReviewId }, cancellationToken)).SingleOrDefault();
        var days = review is null ? 0 : calendar.Today.DayNumber - calendar.DateOf(review.FlaggedAt).DayNumber;
        var tier = review is { ReviewedAt: null } ? options.Value.TierFor(days) : null;
        var decided = await db.QueryAsync<string>(Decided, new { Id = request.ReviewId }, cancellationToken);
        if (tier is null || decided.Contains(tier) || decided.Contains(ReviewReminderOptions.Escalated))
        {
            return false;
        }

        var id = Guid.CreateVersion7();
        try
        {
            await db.ExecuteAsync(Insert, new { Id = id, request.ReviewId, Tier = tier, Now = clock.GetUtcNow() }, cancellationToken);
        }
        catch (Exception ex) when (db.Dialect.IsUniqueViolation(ex))
        {
            throw new PreconditionFailedException(0);
        }

        var escalated = tier == ReviewReminderOptions.Escalated;
        await changes.Record(new ResourceChange(
            RegulationEvents.Type(escalated ? RegulationEvents.ReviewEscalated : RegulationEvents.ReviewReminded), RegulationEvents.Resource, review!.RegulationId, null),
            cancellationToken);
        var message = new ReviewReminderMessage(
            escalated ? ReviewReminderKind.Escalated : ReviewReminderKind.Reminded, review.Symbol, review.Title, review.IssuedSymbol,
            calendar.DateOf(review.FlaggedAt), days, review.Lapses, $"api/v1/regulations/{review.RegulationId}");
        await mediator.Send(new QueueEmail(
            message, id, [], Audiences: escalated ? [EmailAudience.Coordinators, EmailAudience.Leadership] : [EmailAudience.Coordinators]),
            cancellationToken);
        return true;
    }

    private sealed class ReviewRow
    {
        public Guid RegulationId { get; set; }

        public DateTimeOffset FlaggedAt { get; set; }

        public DateTimeOffset? ReviewedAt { get; set; }

        public bool Lapses { get; set; }

        public string Symbol { get; set; } = "";

        public string Title { get; set; } = "";

        public string IssuedSymbol { get; set; } = "";
    }
}

/// <summary>Started with the host: every <see cref="ReviewReminderOptions.CheckInterval"/>, reminds and escalates review flags left open.</summary>
internal sealed class ReviewReminderSweep(IServiceScopeFactory scopes, IOptions<ReviewReminderOptions> options, LoopSupervisor supervisor)
    : SupervisedLoop(supervisor)
{
    private const int BatchSize = 500;

    protected override TimeSpan Interval => options.Value.CheckInterval;

    protected override Task RunOnce(CancellationToken ct) => RunRound(scopes, options.Value, ct);

    /// <summary>One round; answers how many reminders were decided.</summary>
    internal static async Task<int> RunRound(IServiceScopeFactory scopes, ReviewReminderOptions options, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var calendar = scope.ServiceProvider.GetRequiredService<RegisterCalendar>();
        var flaggedBefore = calendar.StartOfDay(calendar.Today.AddDays(1 - options.RemindReviewAfterDays));
        return await SweepPass.Run<ReviewToRemind>(
            after => mediator.Send(new FindReviewsToRemind(flaggedBefore, after?.FlaggedAt ?? DateTimeOffset.MinValue, after?.Id ?? Guid.Empty, BatchSize), ct),
            BatchSize,
            review => CallsForAReminder(review, calendar, options),
            async review => await mediator.Send(new DecideReviewReminder(review.Id), ct) ? 1 : 0,
            ct);
    }

    /// <summary>Decided in memory first, so a review already reminded and not yet due for escalation costs no write transaction.</summary>
    private static bool CallsForAReminder(ReviewToRemind review, RegisterCalendar calendar, ReviewReminderOptions options) =>
        !review.Decided.Contains(ReviewReminderOptions.Escalated)
        && options.TierFor(calendar.Today.DayNumber - calendar.DateOf(review.FlaggedAt).DayNumber) is { } tier
        && !review.Decided.Contains(tier);
}
