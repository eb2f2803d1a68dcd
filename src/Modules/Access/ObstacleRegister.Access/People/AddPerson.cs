using System.ComponentModel.DataAnnotations;
using MediatR;
using ObstacleRegister.Access.ApiKeys;
using ObstacleRegister.Access.ApiKeys.Create;
using ObstacleRegister.Access.Units;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Validation;

namespace ObstacleRegister.Access.People;

/// <summary>A person the register lets sign in.</summary>
/// <param name="Email">The address their identity provider vouches for (matched in any case), or where sign-in links go.</param>
/// <param name="Name">Their name, up to 200 characters, as history shows it.</param>
/// <param name="UnitId">The unit they act for.</param>
/// <param name="Roles">One or more of <c>reporter</c>, <c>drafter</c>, <c>coordinator</c>, <c>admin</c>, for their unit.</param>
internal sealed record PersonBody(
    [property: MaxLength(ValidationErrors.MaxEmail)] string? Email, [property: MaxLength(PersonRules.MaxName)] string? Name, Guid? UnitId,
    [property: MinLength(1), MaxLength(NewApiKeyRules.MaxRoles)] IReadOnlyList<ApiKeyRole>? Roles);

/// <summary>A person as the rules accepted them: every text trimmed.</summary>
internal sealed record NewPerson(string Email, string Name, Guid UnitId, IReadOnlyList<ApiKeyRole> Roles);

internal sealed record AddPerson(NewPerson Person) : IRequest<PersonRow>;

internal static class PersonRules
{
    public const int MaxName = 200;

    public static NewPerson Check(PersonBody? body) => RequestBodies.Check(body, (candidate, errors) =>
    {
        if (errors.Required("email", candidate.Email))
        {
            errors.Email("email", candidate.Email);
        }

        errors.Text("name", candidate.Name, MaxName);
        errors.Required("unitId", candidate.UnitId);
        return NewApiKeyRules.CheckRoles(candidate.Roles, errors) && !errors.Any
            && candidate is { Email: { } email, Name: { } name, UnitId: { } unitId, Roles: { } roles }
            ? new NewPerson(email.Trim(), name.Trim(), unitId, roles)
            : null;
    });

    /// <summary>The unit must exist and the address be nobody else's (a removed person's may be given again).</summary>
    public static async Task EnsureAcceptable(IDbSession db, NewPerson person, Guid? self, CancellationToken ct)
    {
        const string Taken = "SELECT COUNT(*) FROM person WHERE email_key = @EmailKey AND removed_at IS NULL AND id <> @Self";
        if (await UnitQueries.Find(db, person.UnitId, ct) is null)
        {
            throw RequestValidationException.For("unitId", Say.NoSuch("unit", person.UnitId));
        }

        if (await db.ExecuteScalarAsync<int>(Taken, new { EmailKey = PersonRow.KeyOf(person.Email), Self = self ?? Guid.Empty }, ct) > 0)
        {
            throw EmailTaken(person.Email);
        }
    }

    public static ConflictException EmailTaken(string email) =>
        new(ProblemTypes.Conflict, "Address already registered", Say.Text("Problem.Detail.PersonEmailTaken", email));
}

internal sealed class AddPersonHandler(IDbSession db, TimeProvider clock) : IRequestHandler<AddPerson, PersonRow>
{
    private const string Insert = """
        INSERT INTO person (id, email, email_key, name, unit_id, roles, subject, created_at, updated_at, removed_at, version)
        VALUES (@Id, @Email, @EmailKey, @Name, @UnitId, @Roles, NULL, @CreatedAt, @UpdatedAt, NULL, 1)
        """;

    public async Task<PersonRow> Handle(AddPerson request, CancellationToken cancellationToken)
    {
        var person = request.Person;
        await PersonRules.EnsureAcceptable(db, person, null, cancellationToken);
        var now = clock.GetUtcNow();
        var row = new PersonRow
        {
            Id = Guid.CreateVersion7(), Email = person.Email, EmailKey = PersonRow.KeyOf(person.Email), Name = person.Name, UnitId = person.UnitId,
            Roles = ApiKeyRow.JoinRoles(person.Roles), CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        try
        {
            await db.ExecuteAsync(Insert, row, cancellationToken);
        }
        catch (Exception ex) when (db.Dialect.IsUniqueViolation(ex))
        {
            throw PersonRules.EmailTaken(person.Email);
        }

        return row;
    }
}
