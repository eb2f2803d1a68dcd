using MediatR;
using ObstacleRegister.Access.Authentication;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Access.ApiKeys.Revoke;

/// <summary>
/// Revokes a key: it stops working with the next request to this instance, and on other instances within the key
/// cache's lifetime. Revoking a revoked key changes nothing.
/// </summary>
internal sealed record RevokeApiKey(Guid Id) : IRequest<Unit>;

internal sealed class RevokeApiKeyHandler(IDbSession db, TimeProvider clock, ActiveKeyCache cache) : IRequestHandler<RevokeApiKey, Unit>
{
    private const string Find = $"SELECT {ApiKeyQueries.Columns} FROM api_key WHERE id = @Id";

    private const string OtherActiveAdmins = """
        SELECT COUNT(*) FROM api_key
        WHERE revoked_at IS NULL AND id <> @Id AND roles LIKE '%,admin,%'
        """;

    private const string Revoke = "UPDATE api_key SET revoked_at = @Now WHERE id = @Id AND revoked_at IS NULL";

    public async Task<Unit> Handle(RevokeApiKey request, CancellationToken cancellationToken)
    {
        var key = await db.QuerySingleOrDefaultAsync<ApiKeyRow>(Find, new { request.Id }, cancellationToken)
            ?? throw new NotFoundException("API key", request.Id);
        if (key.RevokedAt is not null)
        {
            return Unit.Value;
        }

        // Read-then-write: two revocations of the last two admin keys must not both see the other one still working.
        if (key.RoleList.Contains(ApiKeyRole.Admin))
        {
            await db.SerializeOn("AdminKeys", cancellationToken);
        }

        if (key.RoleList.Contains(ApiKeyRole.Admin)
            && await db.ExecuteScalarAsync<int>(OtherActiveAdmins, new { request.Id }, cancellationToken) == 0)
        {
            throw new ConflictException(ProblemTypes.Conflict, "Last admin key",
                Say.Text("Problem.Detail.LastAdminKey"));
        }

        await db.ExecuteAsync(Revoke, new { request.Id, Now = clock.GetUtcNow() }, cancellationToken);
        db.AfterCommit(() => cache.Forget(request.Id));
        return Unit.Value;
    }
}
