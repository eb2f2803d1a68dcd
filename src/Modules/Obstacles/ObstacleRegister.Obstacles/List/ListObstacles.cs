using System.Text;
using Dapper;
using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Text;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Obstacles.List;

/// <summary>
/// Lists obstacles, newest first, with their public fields. <c>q</c> matches words of the title and
/// description without diacritics; every word must appear, the last may be the start of a word.
/// Dates are days in the register's time zone, both ends included.
/// </summary>
internal sealed record ListObstacles(
    ObstacleStatus? Status, Guid? UnitId, Guid? RegulationId, ObstacleCategory? Category, ObstacleSeverity? Severity,
    string? Reference, DateOnly? ReportedFrom, DateOnly? ReportedTo, string? Q, int Limit, string? Cursor)
    : IQuery<Page<ObstacleListItem>>;

internal sealed record ObstacleCursor(DateTimeOffset CreatedAt, Guid Id);

internal sealed class ListObstaclesHandler(IDbSession db, RegisterCalendar calendar) : IRequestHandler<ListObstacles, Page<ObstacleListItem>>
{
    public const int MaxTerms = 8;

    public async Task<Page<ObstacleListItem>> Handle(ListObstacles request, CancellationToken cancellationToken)
    {
        var (sql, parameters) = Build(request, Cursor.Decode<ObstacleCursor>(request.Cursor), db.Dialect, calendar.Zone);
        var rows = await db.QueryAsync<ObstacleRow>(db.Dialect.Limit(sql), parameters, cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => r.ToListItem(), r => new ObstacleCursor(r.CreatedAt, r.Id));
    }

    /// <summary>Only the filters given become conditions, each a parameter; each has an index that starts with it.</summary>
    internal static (string Sql, DynamicParameters Parameters) Build(ListObstacles request, ObstacleCursor? before, ISqlDialect dialect, TimeZoneInfo zone)
    {
        var where = new List<string>();
        var parameters = new DynamicParameters();
        parameters.Add("Limit", request.Limit + 1);

        void Filter(string condition, string name, object? value)
        {
            where.Add(condition);
            parameters.Add(name, value);
        }

        if (request.Status is { } status) Filter("o.status = @Status", "Status", WireNames.Of(status));
        if (request.UnitId is { } unitId) Filter("o.unit_id = @UnitId", "UnitId", unitId);
        if (request.Category is { } category) Filter("o.category = @Category", "Category", WireNames.Of(category));
        if (request.Severity is { } severity) Filter("o.severity = @Severity", "Severity", WireNames.Of(severity));
        if (!string.IsNullOrWhiteSpace(request.Reference)) Filter("o.reference = @Reference", "Reference", request.Reference.Trim().ToUpperInvariant());
        if (request.RegulationId is { } regulationId)
        {
            Filter("o.id IN (SELECT c.obstacle_id FROM obstacle_regulation c WHERE c.regulation_id = @RegulationId)", "RegulationId", regulationId);
        }

        if (request.ReportedFrom is { } from) Filter("o.created_at >= @From", "From", StartOfDay(from, zone));
        if (request.ReportedTo is { } to) Filter("o.created_at < @To", "To", StartOfDay(to.AddDays(1), zone));

        var terms = VietnameseText.Terms(request.Q);
        if (terms.Count > MaxTerms)
        {
            throw RequestValidationException.For("q", $"'q' may have at most {MaxTerms} words.");
        }

        if (terms.Count > 0) Filter(dialect.FullTextMatch("o.seq", "obstacle_search", "@Match"), "Match", dialect.AllTerms(terms));

        if (before is not null)
        {
            where.Add("(o.created_at < @BeforeAt OR (o.created_at = @BeforeAt AND o.id < @BeforeId))");
            parameters.Add("BeforeAt", before.CreatedAt);
            parameters.Add("BeforeId", before.Id);
        }

        var sql = new StringBuilder($"SELECT {ObstacleQueries.Columns} FROM obstacle o");
        if (where.Count > 0)
        {
            sql.Append("\nWHERE ").AppendJoin("\n  AND ", where);
        }

        sql.Append("\nORDER BY o.created_at DESC, o.id DESC");
        return (sql.ToString(), parameters);
    }

    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
