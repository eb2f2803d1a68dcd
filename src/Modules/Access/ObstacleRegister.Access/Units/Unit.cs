using ObstacleRegister.Access.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;

namespace ObstacleRegister.Access.Units;

/// <summary>A unit as the API shows it.</summary>
/// <param name="Id">The unit's id.</param>
/// <param name="Code">Short code, upper case, unique (e.g. <c>BTTTT</c>).</param>
/// <param name="Name">Full name in Vietnamese.</param>
/// <param name="Kind">What kind of body it is.</param>
/// <param name="ParentId">The unit it belongs to, if any (a department of a ministry).</param>
/// <param name="ContactEmail">Where the unit is reached about its work (reminders, escalations), if it said.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="Version">Its version, the number its ETag carries.</param>
internal sealed record UnitDto(Guid Id, string Code, string Name, UnitKind Kind, Guid? ParentId, string? ContactEmail, DateTimeOffset CreatedAt, long Version)
{
    public UnitSummary ToSummary() => new(Id, Code, Name, Kind, ParentId, ContactEmail);
}

internal sealed class UnitRow
{
    public Guid Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Kind { get; set; } = "";

    public Guid? ParentId { get; set; }

    public string? ContactEmail { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }

    public UnitDto ToDto() => new(Id, Code, Name, WireNames.Parse<UnitKind>(Kind), ParentId, ContactEmail, CreatedAt, Version);
}

internal static class UnitQueries
{
    public const string Columns =
        "id, code, name, kind, parent_id, contact_email, created_at, version";

    private const string ById = $"SELECT {Columns} FROM unit WHERE id = @Id";

    public static Task<UnitRow?> Find(IDbSession db, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<UnitRow>(ById, new { Id = id }, ct);

    public static async Task<UnitRow> Get(IDbSession db, Guid id, CancellationToken ct) =>
        await Find(db, id, ct) ?? throw new NotFoundException("unit", id);
}
