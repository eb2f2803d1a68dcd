using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Obstacles.Publication;

/// <summary>
/// The public's reading of obstacles: only the columns anyone may see are read, so a field that must stay private
/// (description, impact, contact) never reaches the public pages, feeds or dumps by mistake.
/// </summary>
internal static class PublicObstacleRows
{
    public const string Columns = """
        seq, id, reference, unit_id, title, category, status,
        answer, duplicate_of_id, outcome, created_at, updated_at
        """;

    private const string ByIds = $"SELECT {Columns} FROM obstacle WHERE id IN @Ids";

    private const string CitationsOf = """
        SELECT obstacle_id, regulation_id, provision, article, clause, point
        FROM obstacle_regulation
        WHERE obstacle_id IN @Ids
        ORDER BY position
        """;

    public static IReadOnlyList<string> PublicStatusNames { get; } = [.. ObstaclePublicity.PublicStatuses.Select(s => WireNames.Of(s))];

    public static async Task<IReadOnlyList<PublicObstacleFacts>> Find(IDbSession db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await WithCitations(db, await db.QueryAsync<ObstacleRow>(ByIds, new { Ids = db.Dialect.IdList(ids) }, ct), ct);

    /// <summary>Rows as the public reads them, each with the provisions it cites (one more query for all of them).</summary>
    public static async Task<IReadOnlyList<PublicObstacleFacts>> WithCitations(IDbSession db, IReadOnlyList<ObstacleRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var citations = (await db.QueryAsync<CitationRow>(CitationsOf, new { Ids = db.Dialect.IdList(rows.Select(r => r.Id).Distinct()) }, ct))
            .ToLookup(c => c.ObstacleId, c => new CitedProvision(c.RegulationId, c.Provision, c.Article, c.Clause, c.Point));
        return [.. rows.Select(r => Facts(r, [.. citations[r.Id]]))];
    }

    private static PublicObstacleFacts Facts(ObstacleRow row, IReadOnlyList<CitedProvision> citations)
    {
        var status = row.StatusValue;
        var shown = ObstaclePublicity.IsPublic(status);
        return new PublicObstacleFacts(
            row.Id, row.Seq, row.Reference, row.UnitId, WireNames.Parse<ObstacleCategory>(row.Category), status,
            shown ? row.Title : null, shown ? row.Answer : null, shown ? row.DuplicateOfId : null, row.CreatedAt, row.UpdatedAt,
            row.Confirmation, citations);
    }

    private sealed class CitationRow
    {
        public Guid ObstacleId { get; set; }

        public Guid RegulationId { get; set; }

        public string Provision { get; set; } = "";

        public int Article { get; set; }

        public int? Clause { get; set; }

        public string? Point { get; set; }
    }
}

internal sealed class GetPublicObstacleFactsHandler(IDbSession db) : IRequestHandler<GetPublicObstacleFacts, IReadOnlyList<PublicObstacleFacts>>
{
    public Task<IReadOnlyList<PublicObstacleFacts>> Handle(GetPublicObstacleFacts request, CancellationToken cancellationToken) =>
        PublicObstacleRows.Find(db, request.Ids, cancellationToken);
}

internal sealed class GetPublicObstacleTimelineHandler(IDbSession db) : IRequestHandler<GetPublicObstacleTimeline, IReadOnlyList<PublicObstacleStep>>
{
    // The steps that moved it (and the first): corrections, comments and reminders keep the status and are not the public's.
    private const string Steps = """
        SELECT e.at, e.to_status
        FROM obstacle_event e
        JOIN obstacle o ON o.id = e.obstacle_id
        WHERE e.obstacle_id = @Id AND o.status IN @PublicStatusNames
          AND (e.from_status IS NULL OR e.from_status <> e.to_status)
        ORDER BY e.at, e.id
        """;

    public async Task<IReadOnlyList<PublicObstacleStep>> Handle(GetPublicObstacleTimeline request, CancellationToken cancellationToken) =>
        [.. (await db.QueryAsync<StepRow>(Steps, new { request.Id, PublicObstacleRows.PublicStatusNames }, cancellationToken))
            .Select(s => new PublicObstacleStep(s.At, WireNames.Parse<ObstacleStatus>(s.ToStatus)))];

    private sealed class StepRow
    {
        public DateTimeOffset At { get; set; }

        public string ToStatus { get; set; } = "";
    }
}

internal sealed record CitingCursor(int Article, long Seq);

internal sealed class ListOpenPublicObstaclesCitingHandler(IDbSession db) : IRequestHandler<ListOpenPublicObstaclesCiting, PublicObstacleFactsPage>
{
    // The (regulation_id, article, obstacle_seq) index gives the order; each obstacle once per article it cites.
    private const string Query = """
        SELECT DISTINCT r.article AS Article, r.obstacle_seq AS Seq, r.obstacle_id AS Id
        FROM obstacle_regulation r
        JOIN obstacle o ON o.id = r.obstacle_id
        WHERE r.regulation_id = @RegulationId AND o.status IN @OpenStatuses /*after*/
        ORDER BY r.article, r.obstacle_seq
        """;

    private static readonly string[] OpenStatuses = [WireNames.Of(ObstacleStatus.Accepted), WireNames.Of(ObstacleStatus.InAmendment)];

    public async Task<PublicObstacleFactsPage> Handle(ListOpenPublicObstaclesCiting request, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<CitingCursor>(request.Cursor);
        var sql = QueryFilters.Optional(Query, "/*after*/",
            after is null ? null : "AND (r.article > @Article OR (r.article = @Article AND r.obstacle_seq > @Seq))");
        var keys = await db.QueryAsync<CitingKey>(db.Dialect.Limit(sql), new
        {
            request.RegulationId, OpenStatuses, after?.Article, after?.Seq, Limit = request.Limit + 1,
        }, cancellationToken);
        var facts = (await PublicObstacleRows.Find(db, [.. keys.Take(request.Limit).Select(k => k.Id).Distinct()], cancellationToken)).ToDictionary(f => f.Id);
        var page = Cursor.ToPage(keys, request.Limit, k => facts[k.Id], k => new CitingCursor(k.Article, k.Seq));
        return new PublicObstacleFactsPage(page.Items, page.NextCursor);
    }

    private sealed class CitingKey
    {
        public int Article { get; set; }

        public long Seq { get; set; }

        public Guid Id { get; set; }
    }
}

internal sealed class ReadPublicObstaclesHandler(IDbSession db) : IRequestHandler<ReadPublicObstacles, IReadOnlyList<PublicObstacleFacts>>
{
    private const string Query = $"""
        SELECT {PublicObstacleRows.Columns}
        FROM obstacle
        WHERE seq > @AfterSeq AND status IN @PublicStatusNames
        ORDER BY seq
        """;

    public async Task<IReadOnlyList<PublicObstacleFacts>> Handle(ReadPublicObstacles request, CancellationToken cancellationToken) =>
        await PublicObstacleRows.WithCitations(db, await db.QueryAsync<ObstacleRow>(
            db.Dialect.Limit(Query), new { request.AfterSeq, PublicObstacleRows.PublicStatusNames, request.Limit }, cancellationToken), cancellationToken);
}

internal sealed class ListObstacleIdsCitingHandler(IDbSession db) : IRequestHandler<ListObstacleIdsCiting, IReadOnlyList<Guid>>
{
    private const string Query = """
        SELECT obstacle_id
        FROM obstacle_regulation
        WHERE regulation_id = @RegulationId
        ORDER BY obstacle_seq DESC
        """;

    public async Task<IReadOnlyList<Guid>> Handle(ListObstacleIdsCiting request, CancellationToken cancellationToken) =>
        [.. (await db.QueryAsync<Guid>(db.Dialect.Limit(Query), new { request.RegulationId, request.Limit }, cancellationToken)).Distinct()];
}
