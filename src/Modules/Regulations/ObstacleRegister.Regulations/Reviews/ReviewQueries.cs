using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Regulations.Reviews;

/// <summary>A review a change in what this document guides set off, and its outcome once recorded.</summary>
/// <param name="FlaggedAt">Since when it is under review.</param>
/// <param name="Changed">The document it guides that changed.</param>
/// <param name="IssuedDocument">The document that changed it.</param>
/// <param name="AmendmentId">The amendment that issued that document.</param>
/// <param name="Relation">What the issued document did: <c>amends</c>, <c>supplements</c>, <c>replaces</c>, <c>repeals</c>, <c>temporarily_adjusts</c>.</param>
/// <param name="Lapses">The changed document was replaced or repealed: this one lapses with it unless declared to continue.</param>
/// <param name="ReviewedAt">When the outcome was recorded; absent while the review is open.</param>
/// <param name="Reminders">The reminders and escalations the register sent while it stayed open, oldest first.</param>
internal sealed record ReviewDto(
    Guid Id, DateTimeOffset FlaggedAt, RegulationRef? Changed, RegulationRef? IssuedDocument, Guid AmendmentId, RegulationChange Relation, bool Lapses,
    DateTimeOffset? ReviewedAt, ReviewOutcome? Outcome, Guid? OutcomeAmendmentId, string? Note, Guid? ReviewedByKeyId, IReadOnlyList<ReviewReminderDto> Reminders);

/// <summary>A reminder about an open review.</summary>
/// <param name="Tier"><c>reminded</c> (to the coordinators) or <c>escalated</c> (to their leadership as well).</param>
/// <param name="EmailState">Its email: <c>pending</c>, <c>sent</c>, <c>failed</c> or <c>skipped</c>.</param>
/// <param name="EmailSkipReason">Why no email was sent: <c>email_off</c> or <c>no_address</c>.</param>
internal sealed record ReviewReminderDto(string Tier, DateTimeOffset DecidedAt, string? EmailState, string? EmailSkipReason);

internal static class ReviewQueries
{
    /// <summary>Keeps the regulations with an open review (the partial index over open reviews serves it).</summary>
    public const string IsOpen = "r.id IN (SELECT v.regulation_id FROM regulation_review v WHERE v.reviewed_at IS NULL)";

    public const string IsNotOpen = "r.id NOT IN (SELECT v.regulation_id FROM regulation_review v WHERE v.reviewed_at IS NULL)";

    private const string ByRegulation = """
        SELECT id, flagged_at, changed_id, issued_regulation_id, amendment_id,
               relation, lapses, reviewed_at, outcome, outcome_amendment_id,
               note, reviewed_by_key_id
        FROM regulation_review WHERE regulation_id = @Id ORDER BY flagged_at DESC, id DESC
        """;

    private const string RemindersOf = """
        SELECT id, review_id, tier, decided_at FROM regulation_review_reminder WHERE review_id IN @Ids
        """;

    /// <summary>Every review of a regulation, newest first.</summary>
    public static async Task<IReadOnlyList<ReviewDto>> Of(IDbSession db, MediatR.IMediator mediator, Guid regulationId, CancellationToken ct)
    {
        var rows = await db.QueryAsync<ReviewRow>(ByRegulation, new { Id = regulationId }, ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var reminders = await db.QueryAsync<(Guid Id, Guid ReviewId, string Tier, DateTimeOffset DecidedAt)>(
            RemindersOf, new { Ids = db.Dialect.IdList(rows.Select(r => r.Id)) }, ct);
        var emails = (await mediator.Send(new Notifications.Contracts.GetEmailDeliveries([.. reminders.Select(r => r.Id)]), ct)).ToDictionary(e => e.SourceId);
        var remindersByReview = reminders.OrderBy(r => r.DecidedAt).ThenBy(r => r.Tier == ReviewReminderOptions.Escalated).ToLookup(r => r.ReviewId, r =>
            new ReviewReminderDto(r.Tier, r.DecidedAt, emails.GetValueOrDefault(r.Id)?.State, emails.GetValueOrDefault(r.Id)?.SkipReason));

        var documents = (await RegulationQueries.FindMany(db, [.. rows.SelectMany(r => new[] { r.ChangedId, r.IssuedRegulationId }).Distinct()], ct))
            .ToDictionary(r => r.Id, r => r.ToRef());
        return [.. rows.Select(r => new ReviewDto(
            r.Id, r.FlaggedAt, documents.GetValueOrDefault(r.ChangedId), documents.GetValueOrDefault(r.IssuedRegulationId), r.AmendmentId,
            WireNames.Parse<RegulationChange>(r.Relation), r.Lapses, r.ReviewedAt, r.Outcome is null ? null : WireNames.Parse<ReviewOutcome>(r.Outcome),
            r.OutcomeAmendmentId, r.Note, r.ReviewedByKeyId, [.. remindersByReview[r.Id]]))];
    }

    private sealed class ReviewRow
    {
        public Guid Id { get; set; }

        public DateTimeOffset FlaggedAt { get; set; }

        public Guid ChangedId { get; set; }

        public Guid IssuedRegulationId { get; set; }

        public Guid AmendmentId { get; set; }

        public string Relation { get; set; } = "";

        public bool Lapses { get; set; }

        public DateTimeOffset? ReviewedAt { get; set; }

        public string? Outcome { get; set; }

        public Guid? OutcomeAmendmentId { get; set; }

        public string? Note { get; set; }

        public Guid? ReviewedByKeyId { get; set; }
    }
}
