using MediatR;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.Notifications.Contracts;

namespace ObstacleRegister.Notifications.Outbox;

/// <summary>
/// Writes the email into the outbox in the caller's transaction. With email off or nobody to write to, the row is
/// still written, as skipped with the reason, so the notice shows why no email went out; a skipped email is never sent
/// later (turning email on does not flush a backlog of old news). A second email for the same source is a lost race.
/// </summary>
internal sealed class QueueEmailHandler(IDbSession db, IOptions<SmtpOptions> smtp, IOptions<RecipientOptions> recipients, TimeProvider clock)
    : IRequestHandler<QueueEmail, EmailDelivery>
{
    private const string Insert = """
        INSERT INTO notification_email (id, source_id, template, recipients, content, status, skip_reason, attempts, next_attempt_at,
                                        lease_until, last_error, sent_at, created_at)
        VALUES (@Id, @SourceId, @Template, @Recipients, @Content, @Status, @SkipReason, 0, @Now, NULL, NULL, NULL, @Now)
        """;

    public async Task<EmailDelivery> Handle(QueueEmail request, CancellationToken cancellationToken)
    {
        var to = request.To.Concat((request.Audiences ?? []).SelectMany(recipients.Value.Of))
            .Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var skipReason = !smtp.Value.IsEnabled ? "email_off" : to.Count == 0 ? "no_address" : null;
        var (template, content) = StoredMessage.Of(request.Message);
        try
        {
            await db.ExecuteAsync(Insert, new
            {
                Id = Guid.CreateVersion7(), request.SourceId, Template = template, Recipients = Recipients.Join(to), Content = content.ToJson(),
                Status = skipReason is null ? "pending" : "skipped", SkipReason = skipReason, Now = clock.GetUtcNow(),
            }, cancellationToken);
        }
        catch (Exception ex) when (db.Dialect.IsUniqueViolation(ex))
        {
            throw new PreconditionFailedException(0);
        }

        return new EmailDelivery(request.SourceId, to, skipReason is null ? "pending" : "skipped", skipReason, 0, null, null);
    }
}

internal sealed class GetEmailDeliveriesHandler(IDbSession db) : IRequestHandler<GetEmailDeliveries, IReadOnlyList<EmailDelivery>>
{
    private const string Query = """
        SELECT source_id, recipients, status, skip_reason, attempts,
               sent_at, last_error
        FROM notification_email WHERE source_id IN @Ids
        """;

    public async Task<IReadOnlyList<EmailDelivery>> Handle(GetEmailDeliveries request, CancellationToken cancellationToken)
    {
        if (request.SourceIds.Count == 0)
        {
            return [];
        }

        var rows = await db.QueryAsync<Row>(Query, new { Ids = db.Dialect.IdList(request.SourceIds) }, cancellationToken);
        return [.. rows.Select(r => new EmailDelivery(r.SourceId, Recipients.Split(r.Recipients), r.Status, r.SkipReason, r.Attempts, r.SentAt,
            r.Status is "pending" or "failed" ? r.LastError : null))];
    }

    private sealed class Row
    {
        public Guid SourceId { get; set; }

        public string Recipients { get; set; } = "";

        public string Status { get; set; } = "";

        public string? SkipReason { get; set; }

        public int Attempts { get; set; }

        public DateTimeOffset? SentAt { get; set; }

        public string? LastError { get; set; }
    }
}
