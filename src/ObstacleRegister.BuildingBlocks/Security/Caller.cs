using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace ObstacleRegister.BuildingBlocks.Security;

/// <summary>The roles an API key or a person may carry, as they appear on the wire.</summary>
public static class Roles
{
    public const string Reporter = "reporter";
    public const string Drafter = "drafter";
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Reporter, Drafter, Coordinator, Admin];
}

/// <summary>Claim names the API key scheme and the staff pages' sessions issue.</summary>
public static class CallerClaims
{
    public const string KeyId = "key_id";
    public const string PersonId = "person_id";
    public const string PersonName = "person_name";
    public const string PersonEmail = "person_email";
    public const string UnitId = "unit_id";
}

/// <summary>
/// Who is acting: an API key or a signed-in person, and the unit either belongs to. Exactly one of
/// <see cref="KeyId"/> and <see cref="PersonId"/> is set; the same unit and role rules apply to both.
/// </summary>
public interface ICaller
{
    Guid? KeyId { get; }

    Guid? PersonId { get; }

    Guid UnitId { get; }

    bool IsInRole(string role);
}

/// <summary>
/// Who a history entry names: an API key or a person, with their unit, or nobody when the register acted on its own
/// (a date reached).
/// </summary>
public readonly record struct Actor(Guid? KeyId, Guid? UnitId, Guid? PersonId = null)
{
    public static readonly Actor Register = new(null, null);

    public static Actor Of(ICaller caller) => new(caller.KeyId, caller.UnitId, caller.PersonId);
}

internal sealed class HttpCaller(IHttpContextAccessor accessor) : ICaller
{
    public Guid? KeyId => Optional(CallerClaims.KeyId);

    public Guid? PersonId => Optional(CallerClaims.PersonId);

    public Guid UnitId => Optional(CallerClaims.UnitId)
        ?? throw new InvalidOperationException($"The caller has no '{CallerClaims.UnitId}' claim: the endpoint must require a key or a session.");

    public bool IsInRole(string role) => User.IsInRole(role);

    private ClaimsPrincipal User =>
        accessor.HttpContext?.User ?? throw new InvalidOperationException("No HTTP request is in progress.");

    private Guid? Optional(string claim) => Guid.TryParse(User.FindFirstValue(claim), out var id) ? id : null;
}
