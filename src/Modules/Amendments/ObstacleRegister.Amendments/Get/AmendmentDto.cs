using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.Progress;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Amendments.Get;

/// <summary>One amendment with everything that answers "where is it, who answers for it, how late is it".</summary>
/// <param name="ShortenedProcedure">Whether consultation and appraisal may be skipped.</param>
/// <param name="RegulationId">The target: the document amended, replaced or repealed, or the one new guidance guides.</param>
/// <param name="DueOn">The current due date for issuance.</param>
/// <param name="OriginalDueOn">The due date set when it was opened.</param>
/// <param name="DaysOverdue">Days past <paramref name="DueOn"/> while the work is open, in the register's time zone; 0 when on time or done.</param>
/// <param name="TotalDaysLate">Days past <paramref name="OriginalDueOn"/> up to the issue date (today while open): moving the deadline does not hide a delay. 0 for cancelled work.</param>
/// <param name="Overdue">Open, and today is after the due date.</param>
/// <param name="Stale">Open, with no check-in for more than 7 days.</param>
/// <param name="LastProgressAt">The last check-in, or when it was opened if none yet.</param>
/// <param name="DaysSinceProgress">Days since then, in the register's time zone.</param>
/// <param name="Stages">Each stage of the process with its planned date and the date it was reached.</param>
/// <param name="Obstacles">The obstacles it resolves.</param>
/// <param name="Deadlines">Every due date it has had, oldest first, with who moved it and why.</param>
/// <param name="RecentProgress">The latest check-ins, newest first; all of them at <c>/amendments/{id}/progress</c>.</param>
/// <param name="IssuedDocument">The document issued, once it is.</param>
/// <param name="Version">Its version, the number its ETag carries: send <c>If-Match: "&lt;version&gt;"</c> to change it.</param>
internal sealed record AmendmentDto(
    Guid Id, string Title, AmendmentKind Kind, AmendmentStatus Status, bool ShortenedProcedure, Guid RegulationId, RegulationRef? Regulation,
    Guid DraftingUnitId, UnitRef? DraftingUnit, ResponsibleOfficial ResponsibleOfficial, DateOnly DueOn, DateOnly OriginalDueOn, int DaysOverdue,
    int TotalDaysLate, bool Overdue, bool Stale, DateTimeOffset LastProgressAt, int DaysSinceProgress, IReadOnlyList<StageDto> Stages,
    IReadOnlyList<LinkedObstacle> Obstacles, IReadOnlyList<DeadlineChange> Deadlines, IReadOnlyList<ProgressDto> RecentProgress,
    IssuedDocument? IssuedDocument, string? CancellationReason, IReadOnlyList<NoticeDto> Notices, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    /// <summary>
    /// When it will likely be issued, from the pace of the register's past amendments; null once issued or cancelled,
    /// and until the notice round has forecast the amendment as it now is (within its check interval).
    /// </summary>
    public AmendmentForecast? Forecast { get; init; }
}

/// <summary>An open amendment's forecast issue date, made once a day and whenever it changes (ADR 0044).</summary>
/// <param name="P50IssuedOn">As likely to be issued before this day as after it; null when the history is too thin to say.</param>
/// <param name="P85IssuedOn">Issued by this day in 85 of 100 simulated paths; null when the history is too thin to say.</param>
/// <param name="OnTimeProbability">The share of simulated paths issued by <c>dueOn</c>, 0 to 1; null when the history is too thin.</param>
/// <param name="Basis">How many completed stages of past amendments the forecast rests on (fewer than 10 for a stage: no dates).</param>
/// <param name="AtRisk">Not late yet, but <paramref name="P85IssuedOn"/> is after <c>dueOn</c>.</param>
/// <param name="ComputedOn">The day it was made, in the register's time zone.</param>
internal sealed record AmendmentForecast(DateOnly? P50IssuedOn, DateOnly? P85IssuedOn, double? OnTimeProbability, int Basis, bool AtRisk, DateOnly ComputedOn);

/// <summary>A reminder or escalation the register decided about this amendment.</summary>
/// <param name="Tier">The rule: <c>at_risk</c>, <c>due_soon_14</c>, <c>due_soon_3</c>, <c>overdue</c>, <c>overdue_escalated_7</c>, <c>overdue_escalated_30</c>, <c>stale</c>, <c>stale_escalated_14</c> (days as configured).</param>
/// <param name="Event">The change-feed and webhook event it published: <c>amendment.at_risk</c>, <c>amendment.due_soon</c>, <c>amendment.overdue</c>, <c>amendment.stale</c> or <c>amendment.escalated</c>.</param>
/// <param name="Audience">Who it is for: <c>drafting_unit</c>, <c>responsible_official</c>, <c>coordinators</c>, <c>coordinators_leadership</c>.</param>
/// <param name="Basis">What it counts from: the due date for the deadline tiers, the last check-in for the stale ones.</param>
/// <param name="Deliveries">Where it went, one per channel: the change feed (and so the webhooks subscribed to its event), and email.</param>
internal sealed record NoticeDto(
    string Tier, string Event, IReadOnlyList<string> Audience, string Basis, DateTimeOffset DecidedAt, IReadOnlyList<NoticeDelivery> Deliveries);

/// <summary>A notice's delivery on one channel.</summary>
/// <param name="Channel"><c>change_feed</c> or <c>email</c>.</param>
/// <param name="State">The change feed: <c>published</c> (with the notice, in its transaction). Email: <c>pending</c> (queued or being retried), <c>sent</c>, <c>failed</c> (given up) or <c>skipped</c>.</param>
/// <param name="To">The email's recipients.</param>
/// <param name="SkipReason">Why no email was sent: <c>email_off</c> (no SMTP server configured) or <c>no_address</c> (nobody in the audience has an address).</param>
/// <param name="Attempts">Sending attempts so far.</param>
/// <param name="SentAt">When the SMTP server accepted it.</param>
/// <param name="LastError">The last refusal or failure, while pending or once failed.</param>
internal sealed record NoticeDelivery(
    string Channel, string State, IReadOnlyList<string>? To = null, string? SkipReason = null, int? Attempts = null, DateTimeOffset? SentAt = null,
    string? LastError = null);

/// <summary>An amendment as returned, with the version its ETag carries.</summary>
internal sealed record VersionedAmendment(AmendmentDto Amendment)
{
    public long Version => Amendment.Version;

    public void Deconstruct(out AmendmentDto amendment, out long version)
    {
        amendment = Amendment;
        version = Version;
    }
}

/// <summary>The target document, in brief.</summary>
internal sealed record RegulationRef(Guid Id, string Symbol, RegulationType Type, string Title, RegulationStatus Status);

/// <summary>The drafting unit, in brief.</summary>
internal sealed record UnitRef(Guid Id, string Code, string Name);

/// <summary>A stage of the process.</summary>
/// <param name="PlannedOn">When the drafting unit planned to reach it, if it said.</param>
/// <param name="ReachedOn">When it was reached, in the register's time zone.</param>
internal sealed record StageDto(AmendmentStatus Stage, DateOnly? PlannedOn, DateOnly? ReachedOn);

/// <summary>An obstacle the amendment resolves.</summary>
internal sealed record LinkedObstacle(Guid Id, string Reference, ObstacleStatus Status, Guid UnitId);

/// <summary>A due date set or moved.</summary>
/// <param name="PreviousDueOn">The due date before; absent for the first.</param>
/// <param name="DueOn">The due date set.</param>
/// <param name="Reason">Why it was set or moved: the coordinator's words, or the register's in the reader's language.</param>
/// <param name="ReasonCode">For a reason the register gave itself, what kind: <c>opened</c> (the first due date); null for a person's words.</param>
/// <param name="Person">The signed-in person who set or moved it; absent when an API key did.</param>
internal sealed record DeadlineChange(
    DateTimeOffset At, DateOnly? PreviousDueOn, DateOnly DueOn, string Reason, Guid? KeyId, Guid? UnitId, string? ReasonCode, Access.Contracts.PersonRef? Person);

/// <summary>The reasons the register gives a deadline itself: <c>Deadline.{code}</c> in the shared resources.</summary>
internal static class DeadlineReasons
{
    public const string Texts = "Deadline.";

    public const string Opened = "opened";
}

/// <summary>The document an amendment issued, registered in Regulations.</summary>
internal sealed record IssuedDocument(Guid RegulationId, string Symbol, DateOnly IssuedOn, DateOnly EffectiveOn);
