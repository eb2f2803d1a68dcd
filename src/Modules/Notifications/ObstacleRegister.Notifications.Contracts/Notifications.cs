using MediatR;

namespace ObstacleRegister.Notifications.Contracts;

/// <summary>
/// Queues an email in the transaction of the request that decides it; it is sent after commit, retried with backoff
/// and never twice for the same <paramref name="SourceId"/>. The message is rendered when it is sent, in Vietnamese
/// with an English part, from <paramref name="Message"/>: its parameters are stored, not sentences.
/// </summary>
/// <param name="Message">What the email says: one of the <see cref="EmailMessage"/> records, each with its own text.</param>
/// <param name="SourceId">What it is about (a notice, a digest): the one email for it, and how its delivery is looked up.</param>
/// <param name="To">Addresses; an email with none (here and in <paramref name="Audiences"/>) is recorded as skipped, not sent.</param>
/// <param name="Audiences">Configured audiences to write to as well: the coordinating side, its leadership.</param>
public sealed record QueueEmail(
    EmailMessage Message, Guid SourceId, IReadOnlyCollection<string> To, IReadOnlyCollection<EmailAudience>? Audiences = null)
    : IRequest<EmailDelivery>;

/// <summary>Who, beyond the addresses the register holds, an email goes to: addresses the operator configures.</summary>
public enum EmailAudience
{
    /// <summary><c>Notifications:CoordinatorsEmail</c>: the coordinating agency's desk for escalations.</summary>
    Coordinators,

    /// <summary><c>Notifications:LeadershipEmail</c>: the coordinating agency's leadership, the second tier.</summary>
    Leadership,
}

/// <summary>Where the emails about some sources stand (one query); sources without an email are left out.</summary>
public sealed record GetEmailDeliveries(IReadOnlyCollection<Guid> SourceIds) : IRequest<IReadOnlyList<EmailDelivery>>;

/// <summary>One email's delivery state.</summary>
/// <param name="State"><c>pending</c> (queued or being retried), <c>sent</c>, <c>failed</c> (given up) or <c>skipped</c>.</param>
/// <param name="SkipReason">Why a skipped email was not sent: <c>email_off</c> (no SMTP host configured) or <c>no_address</c>.</param>
/// <param name="LastError">The SMTP server's last refusal or why it could not be reached, while pending or failed.</param>
public sealed record EmailDelivery(
    Guid SourceId, IReadOnlyList<string> To, string State, string? SkipReason, int Attempts, DateTimeOffset? SentAt, string? LastError);
