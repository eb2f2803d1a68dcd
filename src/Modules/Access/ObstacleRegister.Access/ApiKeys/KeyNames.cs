using MediatR;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Access.ApiKeys;

internal sealed class GetApiKeyNamesHandler(IDbSession db) : IRequestHandler<GetApiKeyNames, IReadOnlyDictionary<Guid, string>>
{
    private const string Names = "SELECT id, name FROM api_key WHERE id IN @Ids";

    public async Task<IReadOnlyDictionary<Guid, string>> Handle(GetApiKeyNames request, CancellationToken cancellationToken) =>
        request.Ids.Count == 0
            ? new Dictionary<Guid, string>()
            : (await db.QueryAsync<(Guid Id, string Name)>(Names, new { Ids = db.Dialect.IdList(request.Ids) }, cancellationToken)).ToDictionary(k => k.Id, k => k.Name);
}
