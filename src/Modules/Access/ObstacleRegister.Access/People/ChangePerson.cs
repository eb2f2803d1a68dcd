using System.Text.Json;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ObstacleRegister.Access.ApiKeys;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Http;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ObstacleRegister.Access.People;

/// <summary>Changes a person with a JSON merge patch of <see cref="PersonBody"/>; the result passes the same rules as an addition.</summary>
internal sealed record ChangePerson(Guid Id, string? IfMatch, JsonObject Patch) : IRequest<PersonRow>;

/// <summary>Removes a person: the record stays, so history keeps their name, but they are no longer listed or found.</summary>
internal sealed record RemovePerson(Guid Id, string? IfMatch) : IRequest<Unit>;

internal sealed class ChangePersonHandler(IDbSession db, TimeProvider clock, IOptions<HttpJsonOptions> json) : IRequestHandler<ChangePerson, PersonRow>
{
    private const string Update = """
        UPDATE person SET email = @Email, email_key = @EmailKey, name = @Name, unit_id = @UnitId, roles = @Roles,
               subject = @Subject, updated_at = @UpdatedAt, version = version + 1
        WHERE id = @Id AND version = @Version AND removed_at IS NULL
        """;

    public async Task<PersonRow> Handle(ChangePerson request, CancellationToken cancellationToken)
    {
        var row = await PersonQueries.Get(db, request.Id, cancellationToken);
        Versions.EnsureMatches(request.IfMatch, row.Version);
        var options = json.Value.SerializerOptions;
        var current = new PersonBody(row.Email, row.Name, row.UnitId, row.RoleList);
        var merged = MergePatch.Apply((JsonObject)JsonSerializer.SerializeToNode(current, options)!, request.Patch);
        PersonBody? body;
        try
        {
            body = merged.Deserialize<PersonBody>(options);
        }
        catch (JsonException invalid)
        {
            throw new BadHttpRequestException("The changed person does not read as one.", StatusCodes.Status400BadRequest, invalid);
        }

        var person = PersonRules.Check(body);
        await PersonRules.EnsureAcceptable(db, person, row.Id, cancellationToken);
        var emailKey = PersonRow.KeyOf(person.Email);
        // A new address is another account at the identity provider: the account bound to the old one is let go.
        row.Subject = emailKey == row.EmailKey ? row.Subject : null;
        (row.Email, row.EmailKey, row.Name, row.UnitId, row.Roles, row.UpdatedAt) =
            (person.Email, emailKey, person.Name, person.UnitId, ApiKeyRow.JoinRoles(person.Roles), clock.GetUtcNow());
        try
        {
            if (await db.ExecuteAsync(Update, row, cancellationToken) == 0)
            {
                throw new PreconditionFailedException(row.Version + 1);
            }
        }
        catch (Exception ex) when (db.Dialect.IsUniqueViolation(ex))
        {
            throw PersonRules.EmailTaken(person.Email);
        }

        row.Version++;
        return row;
    }
}

internal sealed class RemovePersonHandler(IDbSession db, TimeProvider clock) : IRequestHandler<RemovePerson, Unit>
{
    private const string Remove = """
        UPDATE person SET removed_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND removed_at IS NULL
        """;

    public async Task<Unit> Handle(RemovePerson request, CancellationToken cancellationToken)
    {
        var row = await PersonQueries.Get(db, request.Id, cancellationToken);
        Versions.EnsureMatches(request.IfMatch, row.Version);
        if (await db.ExecuteAsync(Remove, new { row.Id, row.Version, Now = clock.GetUtcNow() }, cancellationToken) == 0)
        {
            throw new PreconditionFailedException(row.Version + 1);
        }

        return Unit.Value;
    }
}
