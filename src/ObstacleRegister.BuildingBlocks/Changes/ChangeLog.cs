using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.BuildingBlocks.Changes;

/// <summary>A change to a resource, as the change feed and webhooks announce it.</summary>
/// <param name="Type">What happened, <c>resource.action</c>: <c>obstacle.accepted</c>, <c>amendment.issued</c>, …</param>
/// <param name="Resource">The kind of resource: <c>obstacle</c>, <c>amendment</c>, <c>regulation</c>, <c>unit</c>.</param>
/// <param name="ResourceId">Its id; fetch it for the details the caller may see.</param>
/// <param name="UnitId">The unit it belongs to (the reporting unit of an obstacle, the drafting unit of an amendment), if any.</param>
public sealed record ResourceChange(string Type, string Resource, Guid ResourceId, Guid? UnitId);

/// <summary>Records changes in the transaction of the request that makes them.</summary>
public interface IChangeLog
{
    Task Record(ResourceChange change, CancellationToken ct);
}

/// <summary>
/// Records each change with the person who made it when a signed-in person's request did (the feed names them); a
/// key's request and the register's own rounds record none.
/// </summary>
internal sealed class ChangeLog(IDbSession db, TimeProvider clock, EventCatalogue catalogue, Microsoft.AspNetCore.Http.IHttpContextAccessor http) : IChangeLog
{
    private const string Insert = """
        INSERT INTO change_log (id, type, resource, resource_id, unit_id, at, person_id)
        VALUES (@Id, @Type, @Resource, @ResourceId, @UnitId, @At, @PersonId)
        """;

    public Task Record(ResourceChange change, CancellationToken ct) =>
        catalogue.IsKnown(change.Type) && change.Type.StartsWith($"{change.Resource}.", StringComparison.Ordinal)
            ? db.ExecuteAsync(Insert, new
            {
                Id = Guid.CreateVersion7(), change.Type, change.Resource, change.ResourceId, change.UnitId, At = clock.GetUtcNow(), PersonId = ActingPerson(),
            }, ct)
            : throw new InvalidOperationException($"The change type '{change.Type}' of a {change.Resource} is not in the event catalogue.");

    private Guid? ActingPerson() =>
        Guid.TryParse(http.HttpContext?.User.FindFirst(Security.CallerClaims.PersonId)?.Value, out var id) ? id : null;
}
