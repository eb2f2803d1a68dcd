using MediatR;
using Microsoft.Extensions.Options;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.Access.People;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Security;

namespace ObstacleRegister.Access.SignIn;

/// <summary>
/// Sends a one-time sign-in link to a person the register knows by this address. The answer never says whether it
/// did: who is in the register is not for whoever types an address. Beyond <see cref="SignInLinkOptions.MaxPerLifetime"/>
/// links in one lifetime, nothing more is sent.
/// </summary>
internal sealed record SendSignInLink(string Email, string? ReturnUrl) : IRequest<Unit>;

/// <summary>Uses a link: the person it signs in, or null when it is unknown, used, expired or its person removed.</summary>
internal sealed record UseSignInLink(string Token) : IRequest<PersonRow?>;

/// <summary>A fresh link for a person by address, for the operator on the server; null when nobody has that address.</summary>
internal sealed record MakeSignInLink(string Email) : IRequest<string?>;

internal sealed class SignInLinkHandlers(IDbSession db, TimeProvider clock, IOptions<SignInLinkOptions> options, IMediator publisher)
    : IRequestHandler<SendSignInLink, Unit>, IRequestHandler<UseSignInLink, PersonRow?>, IRequestHandler<MakeSignInLink, string?>
{
    private const string ByEmail = $"SELECT {PersonQueries.Columns} FROM person WHERE email_key = @EmailKey AND removed_at IS NULL";

    private const string Recent = "SELECT COUNT(*) FROM sign_in_link WHERE person_id = @PersonId AND created_at > @Since";

    private const string Insert = """
        INSERT INTO sign_in_link (id, person_id, token_hash, created_at, expires_at, used_at)
        VALUES (@Id, @PersonId, @TokenHash, @CreatedAt, @ExpiresAt, NULL)
        """;

    private const string Use = """
        UPDATE sign_in_link SET used_at = @Now
        WHERE token_hash = @TokenHash AND used_at IS NULL AND expires_at > @Now
        """;

    private const string PersonOfLink = "SELECT person_id FROM sign_in_link WHERE token_hash = @TokenHash";

    public async Task<Unit> Handle(SendSignInLink request, CancellationToken cancellationToken)
    {
        var person = await db.QuerySingleOrDefaultAsync<PersonRow>(ByEmail, new { EmailKey = PersonRow.KeyOf(request.Email) }, cancellationToken);
        var now = clock.GetUtcNow();
        var lifetime = options.Value.Lifetime;
        if (person is null
            || await db.ExecuteScalarAsync<int>(Recent, new { PersonId = person.Id, Since = now - lifetime }, cancellationToken) >= options.Value.MaxPerLifetime)
        {
            return Unit.Value;
        }

        var (token, linkId) = await Create(person, now, cancellationToken);
        await publisher.Publish(new SignInLinkIssued(linkId, person.Email, person.Name, SignInPaths.Link(token, request.ReturnUrl), now + lifetime), cancellationToken);
        return Unit.Value;
    }

    public async Task<PersonRow?> Handle(UseSignInLink request, CancellationToken cancellationToken)
    {
        var hash = SecretTokens.Hash(request.Token);
        if (await db.ExecuteAsync(Use, new { TokenHash = hash, Now = clock.GetUtcNow() }, cancellationToken) != 1)
        {
            return null;
        }

        var personId = await db.ExecuteScalarAsync<Guid>(PersonOfLink, new { TokenHash = hash }, cancellationToken);
        return await PersonQueries.Find(db, personId, cancellationToken);
    }

    public async Task<string?> Handle(MakeSignInLink request, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<PersonRow>(ByEmail, new { EmailKey = PersonRow.KeyOf(request.Email) }, cancellationToken) is { } person
            ? (await Create(person, clock.GetUtcNow(), cancellationToken)).Token
            : null;

    private async Task<(string Token, Guid Id)> Create(PersonRow person, DateTimeOffset now, CancellationToken ct)
    {
        var token = SecretTokens.Random();
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, new
        {
            Id = id, PersonId = person.Id, TokenHash = SecretTokens.Hash(token), CreatedAt = now, ExpiresAt = now + options.Value.Lifetime,
        }, ct);
        return (token, id);
    }
}

/// <summary>The sign-in pages' addresses.</summary>
internal static class SignInPaths
{
    public const string SignIn = "/signin";
    public const string SignOut = "/signout";
    public const string LinkPage = "/signin/link";

    /// <summary>A link's path (relative, as emails take it): the token, and where to go after, if not the desk.</summary>
    public static string Link(string token, string? returnUrl) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(LinkPage.TrimStart('/'),
            new Dictionary<string, string?> { ["token"] = token, ["returnUrl"] = LocalReturn(returnUrl) == "/desk" ? null : returnUrl });

    /// <summary>A return address that stays in the register: a local path, never <c>//host</c> or <c>/\host</c>; else the desk.</summary>
    public static string LocalReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            && !returnUrl.Contains('\n') && !returnUrl.Contains('\r')
            ? returnUrl
            : "/desk";
}
