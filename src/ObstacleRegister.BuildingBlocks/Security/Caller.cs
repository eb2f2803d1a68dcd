using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace ObstacleRegister.BuildingBlocks.Security;

/// <summary>The roles an API key may carry, as they appear on the wire.</summary>
public static class Roles
{
    public const string Reporter = "reporter";
    public const string Drafter = "drafter";
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Reporter, Drafter, Coordinator, Admin];
}

/// <summary>Claim names the API key scheme issues.</summary>
public static class CallerClaims
{
    public const string KeyId = "key_id";
    public const string UnitId = "unit_id";
}

/// <summary>Who is acting: the API key and the unit it belongs to. Recorded in every history entry.</summary>
public interface ICaller
{
    Guid KeyId { get; }

    Guid UnitId { get; }

    bool IsInRole(string role);
}

/// <summary>Who a history entry names: an API key and its unit, or nobody when the register acted on its own (a date reached).</summary>
public readonly record struct Actor(Guid? KeyId, Guid? UnitId)
{
    public static readonly Actor Register = new(null, null);

    public static Actor Of(ICaller caller) => new(caller.KeyId, caller.UnitId);
}

internal sealed class HttpCaller(IHttpContextAccessor accessor) : ICaller
{
    public Guid KeyId => Read(CallerClaims.KeyId);

    public Guid UnitId => Read(CallerClaims.UnitId);

    public bool IsInRole(string role) => User.IsInRole(role);

    private ClaimsPrincipal User =>
        accessor.HttpContext?.User ?? throw new InvalidOperationException("No HTTP request is in progress.");

    private Guid Read(string claim) =>
        Guid.TryParse(User.FindFirstValue(claim), out var id)
            ? id
            : throw new InvalidOperationException($"The caller has no '{claim}' claim: the endpoint must require a key.");
}
