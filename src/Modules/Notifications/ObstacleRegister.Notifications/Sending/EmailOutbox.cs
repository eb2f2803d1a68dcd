using MediatR;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Background;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Telemetry;

namespace ObstacleRegister.Notifications.Sending;

/// <summary>An email taken for one attempt.</summary>
internal sealed class ClaimedEmail
{
    public Guid Id { get; set; }

    public string Template { get; set; } = "";

    public string Recipients { get; set; } = "";

    public string Content { get; set; } = "";

    public int Attempts { get; set; }
}

/// <summary>Whether any email is due, read without taking the write lock: an idle outbox costs a round no write.</summary>
internal sealed record AnyEmailDue : IQuery<bool>;

internal sealed class AnyEmailDueHandler(IDbSession db, TimeProvider clock) : IRequestHandler<AnyEmailDue, bool>
{
    private const string Due = """
        SELECT id FROM notification_email
        WHERE status = 'pending' AND next_attempt_at <= @Now AND (lease_until IS NULL OR lease_until < @Now)
        ORDER BY next_attempt_at, id
        """;

    public async Task<bool> Handle(AnyEmailDue request, CancellationToken cancellationToken) =>
        (await db.QueryAsync<Guid>(db.Dialect.Limit(Due), new { Now = clock.GetUtcNow(), Limit = 1 }, cancellationToken)).Count > 0;
}

/// <summary>
/// Takes due emails for one attempt each: a lease keeps another instance (or a later round) from sending the same one
/// meanwhile, and lapses if this process dies mid-attempt.
/// </summary>
internal sealed record ClaimDueEmails(int Limit) : IRequest<IReadOnlyList<ClaimedEmail>>;

internal sealed class ClaimDueEmailsHandler(IDbSession db, TimeProvider clock, IOptions<SmtpOptions> smtp) : IRequestHandler<ClaimDueEmails, IReadOnlyList<ClaimedEmail>>
{
    private const string Due = """
        SELECT id, template, recipients, content, attempts
        FROM notification_email
        WHERE status = 'pending' AND next_attempt_at <= @Now AND (lease_until IS NULL OR lease_until < @Now)
        ORDER BY next_attempt_at, id
        """;

    private const string Lease = """
        UPDATE notification_email SET lease_until = @Until
        WHERE id = @Id AND status = 'pending' AND (lease_until IS NULL OR lease_until < @Now)
        """;

    public async Task<IReadOnlyList<ClaimedEmail>> Handle(ClaimDueEmails request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // One batch shares a connection to the server: its lease covers connecting, signing in and every message.
        var until = now + (smtp.Value.Timeout * (request.Limit + 2));
        var claimed = new List<ClaimedEmail>();
        foreach (var due in await db.QueryAsync<ClaimedEmail>(db.Dialect.Limit(Due), new { Now = now, request.Limit }, cancellationToken))
        {
            if (await db.ExecuteAsync(Lease, new { due.Id, Now = now, Until = until }, cancellationToken) == 1)
            {
                claimed.Add(due);
            }
        }

        return claimed;
    }
}

/// <summary>What one attempt came to: sent, refused for good (a 5xx for the message or its recipients), or not now.</summary>
internal enum EmailAttemptResult
{
    Sent,
    Refused,
    NotNow,
}

internal sealed record RecordEmailAttempt(ClaimedEmail Email, EmailAttemptResult Result, string? Error) : IRequest<string>;

/// <summary>Sent: done. Refused: failed at once (sending again would be refused again). Otherwise retried with backoff, until the last attempt.</summary>
internal sealed class RecordEmailAttemptHandler(IDbSession db, TimeProvider clock, IOptions<EmailOptions> options, RegisterMetrics metrics)
    : IRequestHandler<RecordEmailAttempt, string>
{
    private const string Settle = """
        UPDATE notification_email
        SET status = @Status, attempts = attempts + 1, next_attempt_at = @NextAttemptAt, lease_until = NULL, last_error = @Error, sent_at = @SentAt
        WHERE id = @Id AND status = 'pending'
        """;

    public async Task<string> Handle(RecordEmailAttempt request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var attempts = request.Email.Attempts + 1;
        var status = request.Result switch
        {
            EmailAttemptResult.Sent => "sent",
            EmailAttemptResult.Refused => "failed",
            _ when attempts >= options.Value.MaxAttempts => "failed",
            _ => "pending",
        };
        var error = request.Error is { Length: > 500 } text ? text[..500] : request.Error;
        await db.ExecuteAsync(Settle, new
        {
            request.Email.Id, Status = status, Error = error, SentAt = status == "sent" ? now : (DateTimeOffset?)null,
            NextAttemptAt = status == "pending" ? now + Backoff.EqualJitter(attempts, options.Value.RetryBaseDelay, options.Value.MaxRetryDelay) : now,
        }, cancellationToken);
        db.AfterCommit(() => metrics.EmailAttempt(status == "pending" ? "retrying" : status));
        return status;
    }
}
