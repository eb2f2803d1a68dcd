using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using MediatR;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Validation;

namespace ObstacleRegister.Access.Units.Register;

/// <summary>Registers a unit.</summary>
/// <param name="Code">Short code, letters, digits, <c>-</c>, <c>_</c> or <c>.</c>, up to 32; stored upper case and unique.</param>
/// <param name="Name">Full name, up to 300 characters.</param>
/// <param name="Kind">What kind of body it is.</param>
/// <param name="ParentId">The unit it belongs to, if any.</param>
/// <param name="ContactEmail">Where the unit is reached about its work (reminders and escalations go there), optional.</param>
internal sealed record RegisterUnitBody(
    [property: MaxLength(NewUnitRules.MaxCode)] string? Code, [property: MaxLength(NewUnitRules.MaxName)] string? Name, UnitKind? Kind, Guid? ParentId,
    [property: MaxLength(ValidationErrors.MaxEmail)] string? ContactEmail = null);

/// <summary>A unit as the rules accepted it: the code upper case, every text trimmed.</summary>
internal sealed record NewUnit(string Code, string Name, UnitKind Kind, Guid? ParentId, string? ContactEmail);

internal sealed record RegisterUnit(NewUnit Unit) : IRequest<UnitRow>;

internal static partial class NewUnitRules
{
    public const int MaxName = 300;
    public const int MaxCode = 32;

    public static NewUnit Check(RegisterUnitBody? body) => RequestBodies.Check(body, (candidate, errors) =>
    {
        var code = candidate.Code?.Trim();
        if (errors.Required("code", code) && !CodePattern().IsMatch(code!))
        {
            errors.Add("code", Say.Text("Validation.UnitCode"));
        }

        errors.Text("name", candidate.Name, MaxName);
        errors.Email("contactEmail", candidate.ContactEmail);
        if (errors.Required("kind", candidate.Kind))
        {
            errors.Defined("kind", candidate.Kind);
        }

        return !errors.Any && code is not null && candidate is { Name: { } name, Kind: { } kind }
            ? new NewUnit(code.ToUpperInvariant(), name.Trim(), kind, candidate.ParentId, candidate.ContactEmail?.Trim())
            : null;
    });

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")]
    private static partial Regex CodePattern();
}

internal sealed class RegisterUnitHandler(IDbSession db, TimeProvider clock, IChangeLog changes) : IRequestHandler<RegisterUnit, UnitRow>
{
    private const string CodeTaken = "SELECT COUNT(*) FROM unit WHERE code = @Code";

    private const string Insert = """
        INSERT INTO unit (id, code, name, kind, parent_id, contact_email, created_at, version)
        VALUES (@Id, @Code, @Name, @Kind, @ParentId, @ContactEmail, @CreatedAt, 1)
        """;

    public async Task<UnitRow> Handle(RegisterUnit request, CancellationToken cancellationToken)
    {
        var unit = new UnitRow
        {
            Id = Guid.CreateVersion7(),
            Code = request.Unit.Code,
            Name = request.Unit.Name,
            Kind = WireNames.Of(request.Unit.Kind),
            ParentId = request.Unit.ParentId,
            ContactEmail = request.Unit.ContactEmail,
            CreatedAt = clock.GetUtcNow(),
            Version = 1,
        };

        if (unit.ParentId is { } parentId && await UnitQueries.Find(db, parentId, cancellationToken) is null)
        {
            throw RequestValidationException.For("parentId", Say.NoSuch("unit", parentId));
        }

        if (await db.ExecuteScalarAsync<int>(CodeTaken, new { unit.Code }, cancellationToken) > 0)
        {
            throw DuplicateCode(unit.Code);
        }

        try
        {
            await db.ExecuteAsync(Insert, unit, cancellationToken);
        }
        catch (Exception ex) when (db.Dialect.IsUniqueViolation(ex))
        {
            throw DuplicateCode(unit.Code);
        }

        await changes.Record(new ResourceChange(UnitEvents.Type(UnitEvents.Registered), UnitEvents.Resource, unit.Id, unit.Id), cancellationToken);
        return unit;
    }

    private static ConflictException DuplicateCode(string code) =>
        new(ProblemTypes.DuplicateCode, "Unit code already registered", $"A unit with code '{code}' already exists.");
}
