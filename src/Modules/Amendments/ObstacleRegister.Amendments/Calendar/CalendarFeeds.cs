using System.ComponentModel.DataAnnotations;
using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Validation;

namespace ObstacleRegister.Amendments.Calendar;

/// <summary>A secret calendar address of a unit's open deadlines.</summary>
/// <param name="Name">What it is for (<c>Lịch của Vụ Pháp chế</c>), up to 200 characters.</param>
/// <param name="RevokedAt">When it stopped working; absent while it works.</param>
internal sealed record CalendarFeedDto(Guid Id, Guid UnitId, string? Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A new feed with its address, shown this once.</summary>
/// <param name="Url">The iCalendar address to subscribe to in Outlook or Google Calendar; anyone holding it reads the unit's deadlines.</param>
internal sealed record CreatedCalendarFeedDto(CalendarFeedDto Feed, string Url);

/// <param name="Name">What the feed is for, up to 200 characters.</param>
internal sealed record CreateCalendarFeedBody([property: MaxLength(CalendarFeedRules.MaxName)] string? Name);

/// <param name="Name">Trimmed; absent when the body was.</param>
internal sealed record CreateCalendarFeed(string? Name, string BaseUrl) : IRequest<CreatedCalendarFeedDto>;

internal static class CalendarFeedRules
{
    public const int MaxName = 200;

    /// <summary>The optional name; the body itself may be absent.</summary>
    public static string? Name(CreateCalendarFeedBody? body) => RequestBodies.OptionalText("name", body?.Name, MaxName);
}

internal sealed class CreateCalendarFeedHandler(IDbSession db, ICaller caller, TimeProvider clock) : IRequestHandler<CreateCalendarFeed, CreatedCalendarFeedDto>
{
    private const string Insert = """
        INSERT INTO calendar_feed (id, unit_id, name, token_hash, created_by_key_id, created_at, revoked_at)
        VALUES (@Id, @UnitId, @Name, @TokenHash, @KeyId, @CreatedAt, NULL)
        """;

    public async Task<CreatedCalendarFeedDto> Handle(CreateCalendarFeed request, CancellationToken cancellationToken)
    {
        var token = "cal_" + SecretTokens.Random();
        var feed = new CalendarFeedDto(Guid.CreateVersion7(), caller.UnitId, request.Name, clock.GetUtcNow(), null);
        await db.ExecuteAsync(Insert, new { feed.Id, feed.UnitId, feed.Name, TokenHash = SecretTokens.Hash(token), caller.KeyId, feed.CreatedAt }, cancellationToken);
        return new CreatedCalendarFeedDto(feed, $"{request.BaseUrl.TrimEnd('/')}/api/v1/calendar/{token}");
    }
}

/// <summary>The calling unit's feeds, newest first.</summary>
internal sealed record ListCalendarFeeds(int Limit, string? Cursor) : IQuery<Page<CalendarFeedDto>>;

internal sealed record CalendarFeedCursor(DateTimeOffset CreatedAt, Guid Id);

internal sealed class ListCalendarFeedsHandler(IDbSession db, ICaller caller) : IRequestHandler<ListCalendarFeeds, Page<CalendarFeedDto>>
{
    private const string Query = """
        SELECT id, unit_id, name, created_at, revoked_at FROM calendar_feed
        WHERE unit_id = @UnitId AND (@AfterId IS NULL OR created_at < @AfterAt OR (created_at = @AfterAt AND id < @AfterId))
        ORDER BY created_at DESC, id DESC
        """;

    public async Task<Page<CalendarFeedDto>> Handle(ListCalendarFeeds request, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<CalendarFeedCursor>(request.Cursor);
        var rows = await db.QueryAsync<FeedRow>(db.Dialect.Limit(Query), new
        {
            caller.UnitId, AfterAt = after?.CreatedAt ?? DateTimeOffset.MaxValue, AfterId = after?.Id, Limit = request.Limit + 1,
        }, cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => new CalendarFeedDto(r.Id, r.UnitId, r.Name, r.CreatedAt, r.RevokedAt), r => new CalendarFeedCursor(r.CreatedAt, r.Id));
    }
}

/// <summary>Stops a feed: its address answers 404 from now on. The unit's own keys and admins may revoke it.</summary>
internal sealed record RevokeCalendarFeed(Guid Id) : IRequest<Unit>;

internal sealed class RevokeCalendarFeedHandler(IDbSession db, ICaller caller, TimeProvider clock) : IRequestHandler<RevokeCalendarFeed, Unit>
{
    private const string Find = "SELECT unit_id FROM calendar_feed WHERE id = @Id";

    private const string Revoke = "UPDATE calendar_feed SET revoked_at = @Now WHERE id = @Id AND revoked_at IS NULL";

    public async Task<Unit> Handle(RevokeCalendarFeed request, CancellationToken cancellationToken)
    {
        var unitId = await db.QuerySingleOrDefaultAsync<Guid?>(Find, new { request.Id }, cancellationToken);
        if (unitId is null || (unitId != caller.UnitId && !caller.IsInRole(Roles.Admin)))
        {
            // Another unit's feed is as absent as one that never existed.
            throw new NotFoundException("calendar feed", request.Id);
        }

        await db.ExecuteAsync(Revoke, new { request.Id, Now = clock.GetUtcNow() }, cancellationToken);
        return Unit.Value;
    }
}

internal sealed class FeedRow
{
    public Guid Id { get; set; }

    public Guid UnitId { get; set; }

    public string? Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
