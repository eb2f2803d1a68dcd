using MediatR;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Access.ApiKeys;

internal sealed class GetActorNamesHandler(IDbSession db) : IRequestHandler<GetActorNames, ActorNames>
{
    private const string KeyNames = "SELECT id, name FROM api_key WHERE id IN @Ids";
    private const string PersonNames = "SELECT id, name FROM person WHERE id IN @Ids";

    public async Task<ActorNames> Handle(GetActorNames request, CancellationToken cancellationToken) =>
        request.KeyIds.Count == 0 && request.PersonIds.Count == 0
            ? ActorNames.None
            : new ActorNames(await Names(KeyNames, request.KeyIds, cancellationToken), await Names(PersonNames, request.PersonIds, cancellationToken));

    private async Task<IReadOnlyDictionary<Guid, string>> Names(string sql, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0
            ? new Dictionary<Guid, string>()
            : (await db.QueryAsync<(Guid Id, string Name)>(sql, new { Ids = db.Dialect.IdList(ids) }, ct)).ToDictionary(k => k.Id, k => k.Name);
}
