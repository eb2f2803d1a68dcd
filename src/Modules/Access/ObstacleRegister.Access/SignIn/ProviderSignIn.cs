using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.Access.People;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Access.SignIn;

/// <summary>Why the register would not sign someone in whom their provider vouched for.</summary>
internal enum SignInRefusal
{
    /// <summary>Neither the provider's subject nor a verified address is a person of the register.</summary>
    Unknown,

    /// <summary>The address is a person's whose account at the provider is another one.</summary>
    BoundElsewhere,
}

/// <summary>
/// Finds the register's person for the provider's account: the subject bound at an earlier sign-in, else the
/// provider's verified address, binding the subject then. Unverified addresses are never matched.
/// </summary>
internal sealed record FindProviderPerson(string Subject, string? Email, bool EmailVerified) : IRequest<(PersonRow? Person, SignInRefusal? Refusal)>;

internal sealed class FindProviderPersonHandler(IDbSession db, TimeProvider clock) : IRequestHandler<FindProviderPerson, (PersonRow? Person, SignInRefusal? Refusal)>
{
    private const string BySubject = $"SELECT {PersonQueries.Columns} FROM person WHERE subject = @Subject";

    private const string ByEmail = $"SELECT {PersonQueries.Columns} FROM person WHERE email_key = @EmailKey AND removed_at IS NULL";

    private const string Bind = "UPDATE person SET subject = @Subject, updated_at = @Now WHERE id = @Id AND subject IS NULL";

    public async Task<(PersonRow? Person, SignInRefusal? Refusal)> Handle(FindProviderPerson request, CancellationToken cancellationToken)
    {
        if (await db.QuerySingleOrDefaultAsync<PersonRow>(BySubject, new { request.Subject }, cancellationToken) is { } bound)
        {
            return bound.RemovedAt is null ? (bound, null) : (null, SignInRefusal.Unknown);
        }

        if (!request.EmailVerified || request.Email is null
            || await db.QuerySingleOrDefaultAsync<PersonRow>(ByEmail, new { EmailKey = PersonRow.KeyOf(request.Email) }, cancellationToken) is not { } person)
        {
            return (null, SignInRefusal.Unknown);
        }

        if (person.Subject is not null)
        {
            return (null, SignInRefusal.BoundElsewhere);
        }

        await db.ExecuteAsync(Bind, new { request.Subject, Now = clock.GetUtcNow(), person.Id }, cancellationToken);
        person.Subject = request.Subject;
        return (person, null);
    }
}

/// <summary>The provider's answer turned into the register's person, or refused with a page saying whom to ask.</summary>
internal static class ProviderSignIn
{
    public const string Scheme = "Oidc";

    public static async Task OnTicketReceived(TicketReceivedContext context)
    {
        var provider = context.Principal ?? throw new InvalidOperationException("The provider's answer has no principal.");
        var subject = provider.FindFirstValue("sub") ?? throw new InvalidOperationException("The provider's answer has no subject.");
        var verified = string.Equals(provider.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
        var mediator = context.HttpContext.RequestServices.GetRequiredService<IMediator>();
        var (person, refusal) = await mediator.Send(new FindProviderPerson(subject, provider.FindFirstValue("email"), verified), context.HttpContext.RequestAborted);
        if (person is null)
        {
            context.HandleResponse();
            context.Response.Redirect($"{SignInPaths.SignIn}?refused={WireNames.OfAny(refusal ?? SignInRefusal.Unknown)}");
            return;
        }

        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var session = PersonSessions.NewSession(now);
        foreach (var token in context.Properties?.GetTokens() ?? [])
        {
            // The ID token is kept for signing out at the provider (its id_token_hint); nothing else of the provider's.
            if (token.Name == "id_token")
            {
                session.StoreTokens([token]);
            }
        }

        session.RedirectUri = SignInPaths.LocalReturn(context.Properties?.RedirectUri);
        context.Principal = PersonSessions.PrincipalOf(person);
        context.Properties = session;
    }
}
