using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ObstacleRegister.Access.ApiKeys;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Security;

namespace ObstacleRegister.Access.Authentication;

/// <summary>
/// Accepts <c>Authorization: ApiKey &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>. A key is looked up unless
/// <see cref="ActiveKeyCache"/> found it active within its lifetime; nothing about the key is ever logged.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ActiveKeyCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    private const string FindActive = """
        SELECT id, unit_id, roles, secret_hash
        FROM api_key WHERE secret_hash = @Hash AND revoked_at IS NULL
        """;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ReadKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKeySecrets.Hash(presented);
        var key = cache.Find(hash) ?? await Read(hash);
        if (key is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var claims = new List<Claim>
        {
            new(CallerClaims.KeyId, key.Id.ToString()),
            new(CallerClaims.UnitId, key.UnitId.ToString()),
        };
        claims.AddRange(key.RoleList.Select(r => new Claim(ClaimTypes.Role, WireNames.Of(r))));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private async Task<ApiKeyRow?> Read(string hash)
    {
        var revocations = cache.Revocations;
        var db = Context.RequestServices.GetService(typeof(IDbSession)) as IDbSession
            ?? throw new InvalidOperationException("IDbSession is not registered.");
        var key = await db.QuerySingleOrDefaultAsync<ApiKeyRow>(FindActive, new { Hash = hash }, Context.RequestAborted);
        if (key is null || !ApiKeySecrets.Matches(key.SecretHash, hash))
        {
            return null;
        }

        cache.Remember(hash, key, revocations);
        return key;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failed = (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
        Response.Headers.WWWAuthenticate = failed
            ? $"{SchemeName} realm=\"obstacle-register\", error=\"invalid_key\""
            : $"{SchemeName} realm=\"obstacle-register\"";
        await AuthProblems.Write(Context, StatusCodes.Status401Unauthorized, "Unauthorized",
            Say.Text(failed ? "Problem.Detail.BadKey" : "Problem.Detail.NoKey"));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthProblems.Write(Context, StatusCodes.Status403Forbidden, "Forbidden", Say.Text("Problem.Detail.NoRole"));

    private static string? ReadKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            var key = authorization[(SchemeName.Length + 1)..].Trim();
            return key.Length > 0 ? key : null;
        }

        var header = request.Headers[HeaderName].ToString().Trim();
        return header.Length > 0 ? header : null;
    }
}

internal static class AuthProblems
{
    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var type = status == StatusCodes.Status401Unauthorized
            ? BuildingBlocks.Errors.ProblemTypes.Unauthorized
            : BuildingBlocks.Errors.ProblemTypes.Forbidden;
        return Results.Problem(detail: detail, statusCode: status, title: title, type: type).ExecuteAsync(context);
    }
}
