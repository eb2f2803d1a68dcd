using MediatR;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.BuildingBlocks.Idempotency;

/// <summary>The outcome of claiming an <c>Idempotency-Key</c>.</summary>
public abstract record IdempotencyClaim
{
    /// <summary>The key is ours: run the request, then complete or release the claim. <paramref name="ClaimedAt"/> is the claim's token.</summary>
    public sealed record Claimed(Guid RecordId, DateTimeOffset ClaimedAt) : IdempotencyClaim;

    /// <summary>The same request already succeeded: answer with what it answered.</summary>
    public sealed record Replay(int Status, string? Location, string? ETag, string Body) : IdempotencyClaim;

    /// <summary>The key was used for a different request.</summary>
    public sealed record Mismatch : IdempotencyClaim;

    /// <summary>The same request is running right now; its claim lapses after <paramref name="RetryAfter"/>.</summary>
    public sealed record InProgress(TimeSpan RetryAfter) : IdempotencyClaim;
}

/// <summary>Claims a key in a transaction of its own, so a concurrent duplicate sees the claim at once.</summary>
public sealed record ClaimIdempotencyKey(string Scope, string Key, string RequestHash) : IRequest<IdempotencyClaim>;

/// <summary>Frees a claim whose request failed, so the client may retry with the same key.</summary>
public sealed record ReleaseIdempotencyKey(Guid RecordId, DateTimeOffset ClaimedAt) : IRequest<Unit>;

internal sealed class IdempotencyRecordRow
{
    public Guid Id { get; set; }

    public string RequestHash { get; set; } = "";

    public string State { get; set; } = "";

    public int? StatusCode { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    public string? Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ClaimIdempotencyKeyHandler(IDbSession db, TimeProvider clock) : IRequestHandler<ClaimIdempotencyKey, IdempotencyClaim>
{
    /// <summary>
    /// A claim still pending after this long belongs to a request that died (a process killed mid-request); the key
    /// may be claimed again. A live request never outlasts it: its writes wait at most the lock bound, and if it
    /// did, completing its claim fails and its transaction rolls back, so one row results either way.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromSeconds(30);

    private const string Insert = """
        INSERT INTO idempotency_record (id, scope, idem_key, request_hash, state, created_at)
        VALUES (@Id, @Scope, @Key, @RequestHash, 'pending', @Now)
        """;

    private const string Find = """
        SELECT id, request_hash, state, status_code, location,
               etag AS ETag, body, created_at
        FROM idempotency_record WHERE scope = @Scope AND idem_key = @Key
        """;

    private const string Reclaim = """
        UPDATE idempotency_record SET request_hash = @RequestHash, created_at = @Now
        WHERE id = @Id AND state = 'pending' AND created_at = @CreatedAt
        """;

    public async Task<IdempotencyClaim> Handle(ClaimIdempotencyKey request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        try
        {
            await db.ExecuteAsync(Insert, new { Id = id, request.Scope, request.Key, request.RequestHash, Now = now }, cancellationToken);
            return new IdempotencyClaim.Claimed(id, now);
        }
        catch (Exception ex) when (db.Dialect.IsUniqueViolation(ex))
        {
            var existing = await db.QuerySingleOrDefaultAsync<IdempotencyRecordRow>(Find, new { request.Scope, request.Key }, cancellationToken)
                ?? throw new InvalidOperationException("An idempotency record vanished while it was being read.");
            return await Existing(existing, request, now, cancellationToken);
        }
    }

    private async Task<IdempotencyClaim> Existing(IdempotencyRecordRow existing, ClaimIdempotencyKey request, DateTimeOffset now, CancellationToken ct)
    {
        if (existing.State == "completed")
        {
            return existing.RequestHash == request.RequestHash
                ? new IdempotencyClaim.Replay(existing.StatusCode ?? 200, existing.Location, existing.ETag, existing.Body ?? "")
                : new IdempotencyClaim.Mismatch();
        }

        var age = now - existing.CreatedAt;
        if (age < AbandonedAfter)
        {
            return existing.RequestHash == request.RequestHash ? new IdempotencyClaim.InProgress(AbandonedAfter - age) : new IdempotencyClaim.Mismatch();
        }

        var reclaimed = await db.ExecuteAsync(Reclaim, new { existing.Id, request.RequestHash, Now = now, existing.CreatedAt }, ct);
        return reclaimed == 1 ? new IdempotencyClaim.Claimed(existing.Id, now) : new IdempotencyClaim.InProgress(AbandonedAfter);
    }
}

internal sealed class ReleaseIdempotencyKeyHandler(IDbSession db) : IRequestHandler<ReleaseIdempotencyKey, Unit>
{
    // Only our own claim: one that a retry took over after ours lapsed belongs to that retry.
    private const string Delete = "DELETE FROM idempotency_record WHERE id = @RecordId AND state = 'pending' AND created_at = @ClaimedAt";

    public async Task<Unit> Handle(ReleaseIdempotencyKey request, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(Delete, new { request.RecordId, request.ClaimedAt }, cancellationToken);
        return Unit.Value;
    }
}
