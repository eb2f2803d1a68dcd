using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;

using ObstacleRegister.Access.Contracts;
using ObstacleRegister.Changes.Contracts;

namespace ObstacleRegister.Changes;

/// <summary>One change in the feed.</summary>
/// <param name="Id">The change's own id: the same in the feed and in a webhook delivery, so a client can drop repeats.</param>
/// <param name="Type">What happened, <c>resource.action</c>.</param>
/// <param name="At">When it was committed, UTC.</param>
/// <param name="Person">The signed-in person whose action it was; absent for an API key's and for the register's own.</param>
internal sealed record ChangeDto(Guid Id, string Type, string Resource, Guid ResourceId, Guid? UnitId, DateTimeOffset At, PersonRef? Person);

/// <summary>A page of the feed.</summary>
/// <param name="NextCursor">Where to resume: pass it as <c>after</c>. Present whenever the feed has a change, even on the last page, so a client can poll from it.</param>
/// <param name="HasMore">More changes are waiting now; ask again at once.</param>
internal sealed record ChangePage(IReadOnlyList<ChangeDto> Items, string? NextCursor, bool HasMore);

internal sealed record ChangeCursor(long Position);

/// <summary>The changes after a cursor, oldest first.</summary>
internal sealed record ListChanges(string? After, int Limit) : ICommittedReadQuery<ChangePage>;

internal sealed class ListChangesHandler(IDbSession db, IMediator mediator) : IRequestHandler<ListChanges, ChangePage>
{
    public async Task<ChangePage> Handle(ListChanges request, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<ChangeCursor>(request.After, "after");
        var rows = await db.QueryAsync<ChangeRow>(Query(db.Dialect), new { After = after?.Position ?? 0L, Limit = request.Limit + 1 }, cancellationToken);
        var items = rows.Take(request.Limit).ToList();
        var resume = items.Count > 0 ? Cursor.Encode(new ChangeCursor(items[^1].Position)) : request.After;
        var names = await mediator.Send(GetActorNames.PeopleOf(items), cancellationToken);
        return new ChangePage(items.Select(r => r.ToDto(names)).ToList(), resume, rows.Count > request.Limit);
    }

    internal static string Query(ISqlDialect dialect) => dialect.Limit($"""
        SELECT {ChangeRow.Columns(dialect)}
        FROM change_log
        WHERE {dialect.ChangesAfter("@After")}
        ORDER BY position
        """);
}

internal sealed class ChangeRow : IRecordedActor
{
    public static string Columns(ISqlDialect dialect) => $"{dialect.ChangePosition} AS Position, id, type, resource, resource_id, unit_id, at, person_id";

    public long Position { get; set; }

    public Guid Id { get; set; }

    public string Type { get; set; } = "";

    public string Resource { get; set; } = "";

    public Guid ResourceId { get; set; }

    public Guid? UnitId { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? PersonId { get; set; }

    Guid? IRecordedActor.KeyId => null;

    public ChangeDto ToDto(ActorNames names) => new(Id, Type, Resource, ResourceId, UnitId, At, names.Person(PersonId));

    public CommittedChange ToCommitted() => new(Position, Id, Type, Resource, ResourceId, UnitId, At, PersonId);
}

internal static class ChangeFeedEndpoints
{
    public static IEndpointRouteBuilder MapChangeFeed(this IEndpointRouteBuilder api)
    {
        api.MapGet("/changes", async (string? after, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListChanges(after, Cursor.Limit(limit)), ct)))
            .WithTags("Changes")
            .WithName("ListChanges")
            .WithSummary("Changes since a point")
            .WithDescription("Every change to obstacles, amendments, regulations and units, in commit order, oldest first. Start " +
                "without after; keep nextCursor and pass it as after to catch up after downtime or to poll. A change is listed " +
                "once it is committed, never before and never out of order.")
            .Produces<ChangePage>()
            .ProducesValidationProblem();
        return api;
    }
}

internal sealed class ReadChangesHandler(IDbSession db) : IRequestHandler<ReadChanges, IReadOnlyList<CommittedChange>>
{
    public async Task<IReadOnlyList<CommittedChange>> Handle(ReadChanges request, CancellationToken cancellationToken) =>
        (await db.QueryAsync<ChangeRow>(ListChangesHandler.Query(db.Dialect), new { After = request.AfterPosition, request.Limit }, cancellationToken))
            .Select(r => r.ToCommitted())
            .ToList();
}

internal sealed class GetLatestChangePositionHandler(IDbSession db) : IRequestHandler<GetLatestChangePosition, long>
{
    internal static string Query(ISqlDialect dialect) =>
        $"SELECT COALESCE(MAX({dialect.ChangePosition}), 0) FROM change_log WHERE {dialect.ChangesAfter("@After")}";

    public async Task<long> Handle(GetLatestChangePosition request, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<long>(Query(db.Dialect), new { After = 0L }, cancellationToken);
}

internal sealed class ReadRecentChangesHandler(IDbSession db) : IRequestHandler<ReadRecentChanges, IReadOnlyList<CommittedChange>>
{
    /// <summary>SQL Server takes at most 2,100 parameters in one statement.</summary>
    public const int MaxResources = 500;

    public async Task<IReadOnlyList<CommittedChange>> Handle(ReadRecentChanges request, CancellationToken cancellationToken)
    {
        if (request.ResourceIds is { Count: 0 } || request.Types.Count == 0)
        {
            return [];
        }

        var sql = Query(db.Dialect, ofUnit: request.UnitId is not null, ofResources: request.ResourceIds is not null);
        var resources = request.ResourceIds is null ? null : db.Dialect.IdList([.. request.ResourceIds.Take(MaxResources)]);
        return [.. (await db.QueryAsync<ChangeRow>(sql, new { After = 0L, request.Types, request.UnitId, ResourceIds = resources, request.Limit }, cancellationToken))
            .Select(r => r.ToCommitted())];
    }

    internal static string Query(ISqlDialect dialect, bool ofUnit, bool ofResources) => dialect.Limit($"""
        SELECT {ChangeRow.Columns(dialect)}
        FROM change_log
        WHERE {dialect.ChangesAfter("@After")} AND type IN @Types{(ofUnit ? " AND unit_id = @UnitId" : "")}{(ofResources ? " AND resource_id IN @ResourceIds" : "")}
        ORDER BY position DESC
        """);
}
