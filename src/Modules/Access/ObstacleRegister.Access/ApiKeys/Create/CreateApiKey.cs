using MediatR;
using ObstacleRegister.Access.Units;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Validation;

namespace ObstacleRegister.Access.ApiKeys.Create;

/// <summary>Creates an API key for a unit.</summary>
/// <param name="UnitId">The unit the key acts for.</param>
/// <param name="Roles">One or more of <c>reporter</c>, <c>drafter</c>, <c>coordinator</c>, <c>admin</c>.</param>
/// <param name="Name">What the key is for, up to 100 characters (e.g. "Cổng dịch vụ công của Bộ").</param>
internal sealed record CreateApiKey(Guid? UnitId, IReadOnlyList<ApiKeyRole>? Roles, string? Name) : IRequest<CreatedApiKeyDto>;

internal sealed class CreateApiKeyValidator : IValidator<CreateApiKey>
{
    public void Validate(CreateApiKey request, ValidationErrors errors)
    {
        errors.Required("unitId", request.UnitId);
        errors.Text("name", request.Name, 100);
        if (request.Roles is null || request.Roles.Count == 0)
        {
            errors.Add("roles", "'roles' must name at least one role.");
            return;
        }

        for (var i = 0; i < request.Roles.Count; i++)
        {
            errors.Defined($"roles[{i}]", (ApiKeyRole?)request.Roles[i]);
        }
    }
}

internal sealed class CreateApiKeyHandler(IDbSession db, ICaller caller, TimeProvider clock)
    : IRequestHandler<CreateApiKey, CreatedApiKeyDto>
{
    public async Task<CreatedApiKeyDto> Handle(CreateApiKey request, CancellationToken cancellationToken)
    {
        var unitId = request.UnitId!.Value;
        if (await UnitQueries.Find(db, unitId, cancellationToken) is null)
        {
            throw RequestValidationException.For("unitId", $"No unit with id '{unitId}'.");
        }

        var (key, prefix) = ApiKeySecrets.Generate();
        var row = new ApiKeyRow
        {
            Id = Guid.CreateVersion7(),
            UnitId = unitId,
            Name = request.Name!.Trim(),
            Roles = ApiKeyRow.JoinRoles(request.Roles!),
            Prefix = prefix,
            SecretHash = ApiKeySecrets.Hash(key),
            CreatedAt = clock.GetUtcNow(),
            CreatedByKeyId = caller.KeyId,
        };
        await db.ExecuteAsync(ApiKeyQueries.Insert, row, cancellationToken);
        return new CreatedApiKeyDto(row.Id, row.Name, row.UnitId, row.RoleList, row.Prefix, row.CreatedAt, key);
    }
}
