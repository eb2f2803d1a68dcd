using System.ComponentModel.DataAnnotations;
using MediatR;
using ObstacleRegister.Access.Units;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Validation;

namespace ObstacleRegister.Access.ApiKeys.Create;

/// <summary>Creates an API key for a unit.</summary>
/// <param name="UnitId">The unit the key acts for.</param>
/// <param name="Roles">One or more of <c>reporter</c>, <c>drafter</c>, <c>coordinator</c>, <c>admin</c>.</param>
/// <param name="Name">What the key is for, up to 100 characters (e.g. "Cổng dịch vụ công của Bộ").</param>
internal sealed record CreateApiKeyBody(Guid? UnitId, [property: MinLength(1), MaxLength(NewApiKeyRules.MaxRoles)] IReadOnlyList<ApiKeyRole>? Roles, [property: MaxLength(NewApiKeyRules.MaxName)] string? Name);

/// <summary>A key as the rules accepted it.</summary>
internal sealed record NewApiKey(Guid UnitId, IReadOnlyList<ApiKeyRole> Roles, string Name);

internal sealed record CreateApiKey(NewApiKey Key) : IRequest<CreatedApiKeyDto>;

internal static class NewApiKeyRules
{
    public const int MaxName = 100;

    /// <summary>As many as there are roles (reporter, drafter, coordinator, admin).</summary>
    public const int MaxRoles = 4;

    public static NewApiKey Check(CreateApiKeyBody? body) => RequestBodies.Check(body, (candidate, errors) =>
    {
        errors.Required("unitId", candidate.UnitId);
        errors.Text("name", candidate.Name, MaxName);
        return CheckRoles(candidate.Roles, errors) && !errors.Any && candidate is { UnitId: { } unitId, Name: { } name, Roles: { } roles }
            ? new NewApiKey(unitId, roles, name.Trim())
            : null;
    });

    /// <summary>One to four roles, each one the register knows: for a key and a person alike.</summary>
    public static bool CheckRoles(IReadOnlyList<ApiKeyRole>? roles, ValidationErrors errors)
    {
        if (roles is not { Count: > 0 })
        {
            errors.Add("roles", Say.Text("Validation.RolesRequired"));
            return false;
        }

        if (roles.Count > MaxRoles)
        {
            errors.Add("roles", Say.Text("Validation.RolesTooMany", MaxRoles));
            return false;
        }

        var known = true;
        for (var i = 0; i < roles.Count; i++)
        {
            known &= errors.Defined($"roles[{i}]", (ApiKeyRole?)roles[i]);
        }

        return known;
    }
}

internal sealed class CreateApiKeyHandler(IDbSession db, ICaller caller, TimeProvider clock)
    : IRequestHandler<CreateApiKey, CreatedApiKeyDto>
{
    public async Task<CreatedApiKeyDto> Handle(CreateApiKey request, CancellationToken cancellationToken)
    {
        var (unitId, roles, name) = request.Key;
        if (await UnitQueries.Find(db, unitId, cancellationToken) is null)
        {
            throw RequestValidationException.For("unitId", Say.NoSuch("unit", unitId));
        }

        var (key, prefix) = ApiKeySecrets.Generate();
        var row = new ApiKeyRow
        {
            Id = Guid.CreateVersion7(),
            UnitId = unitId,
            Name = name,
            Roles = ApiKeyRow.JoinRoles(roles),
            Prefix = prefix,
            SecretHash = ApiKeySecrets.Hash(key),
            CreatedAt = clock.GetUtcNow(),
            CreatedByKeyId = caller.KeyId,
        };
        await db.ExecuteAsync(ApiKeyQueries.Insert, row, cancellationToken);
        return new CreatedApiKeyDto(row.Id, row.Name, row.UnitId, row.RoleList, row.Prefix, row.CreatedAt, key);
    }
}
