using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ObstacleRegister.Access.People;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Security;

namespace ObstacleRegister.Access.SignIn;

/// <summary>
/// A signed-in person's session: a cookie holding who they are (id, name, unit, roles), renewed as they work, read
/// again from the register every <see cref="SessionOptions.RecheckInterval"/> so that removing a person or changing
/// their roles reaches their open sessions, and ended after <see cref="SessionOptions.AbsoluteLifetime"/> regardless.
/// </summary>
internal static class PersonSessions
{
    public const string Scheme = ObstacleRegister.Pages.StaffEndpoints.SessionScheme;

    public const string CookieName = "__Host-register-session";

    private const string SignedInAt = "signed_in_at";
    private const string CheckedAt = "checked_at";

    public static ClaimsPrincipal PrincipalOf(PersonRow person)
    {
        var claims = new List<Claim>
        {
            new(CallerClaims.PersonId, person.Id.ToString()),
            new(CallerClaims.PersonName, person.Name),
            new(CallerClaims.PersonEmail, person.Email),
            new(CallerClaims.UnitId, person.UnitId.ToString()),
            // A new id for every sign-in: a session is never the one before it.
            new("sid", SecretTokens.Random()),
        };
        claims.AddRange(person.RoleList.Select(r => new Claim(ClaimTypes.Role, WireNames.Of(r))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, CallerClaims.PersonName, ClaimTypes.Role));
    }

    public static AuthenticationProperties NewSession(DateTimeOffset now) => new(new Dictionary<string, string?>
    {
        [SignedInAt] = Stamp(now),
        [CheckedAt] = Stamp(now),
    });

    /// <summary>Ends a session past its absolute lifetime or whose person is gone; brings a changed person's claims up to date.</summary>
    public static async Task Validate(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SessionOptions>>().Value;
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var items = context.Properties.Items;
        if (Read(items, SignedInAt) is not { } signedInAt || now - signedInAt > options.AbsoluteLifetime)
        {
            await Reject(context);
            return;
        }

        if (Read(items, CheckedAt) is { } checkedAt && now - checkedAt < options.RecheckInterval)
        {
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<IDbSession>();
        var person = Guid.TryParse(context.Principal?.FindFirstValue(CallerClaims.PersonId), out var id)
            ? await PersonQueries.Find(db, id, context.HttpContext.RequestAborted)
            : null;
        if (person is null)
        {
            await Reject(context);
            return;
        }

        var sessionId = context.Principal!.FindFirstValue("sid");
        var fresh = PrincipalOf(person);
        var identity = (ClaimsIdentity)fresh.Identity!;
        identity.RemoveClaim(identity.FindFirst("sid"));
        identity.AddClaim(new Claim("sid", sessionId ?? SecretTokens.Random()));
        items[CheckedAt] = Stamp(now);
        context.ReplacePrincipal(fresh);
        context.ShouldRenew = true;
    }

    private static async Task Reject(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }

    private static string Stamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset? Read(IDictionary<string, string?> items, string name) =>
        items.TryGetValue(name, out var value) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
