using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Text;
using ObstacleRegister.Obstacles.Provisions;

namespace ObstacleRegister.Obstacles.Submit;

/// <summary>An obstacle intake found that may be the same as the new one, and why.</summary>
internal sealed record DuplicateHint(Guid CandidateId, string Reason);

/// <summary>
/// The lookups behind hints, kept while many obstacles are checked in one read (a spreadsheet's rows): rows citing the
/// same article, or titled alike, ask the database once.
/// </summary>
internal sealed class HintLookups
{
    public Dictionary<(Guid RegulationId, int Article), IReadOnlyList<Guid>> SameProvision { get; } = [];

    public Dictionary<string, IReadOnlyList<long>> NewestOfGroup { get; } = new(StringComparer.Ordinal);
}

/// <summary>Writes a new obstacle with its citations and search text, and records the obstacles it may duplicate.</summary>
internal sealed class ObstacleIntake(IDbSession db, Reporting.HotspotTally hotspots, Reporting.ObstacleDays days)
{
    /// <summary>Word pairs from the title searched as phrases; Vietnamese words are mostly two syllables.</summary>
    private const int MaxPhrases = 8;
    private const int MaxPerReason = 5;

    private const string InsertObstacle = """
        INSERT INTO obstacle (id, reference, unit_id, reported_by_key_id, reported_by_person_id, title, description, category, severity, proposal,
                              impact, contact, status, duplicate_of_id, answer, awaiting_answer_since, created_at, updated_at, version)
        VALUES (@Id, @Reference, @UnitId, @ReportedByKeyId, @ReportedByPersonId, @Title, @Description, @Category, @Severity, @Proposal,
                @Impact, @Contact, @Status, NULL, NULL, @CreatedAt, @CreatedAt, @UpdatedAt, 1)
        """;

    private const string InsertCitation = """
        INSERT INTO obstacle_regulation (obstacle_id, position, regulation_id, provision, article, clause, point, obstacle_seq)
        VALUES (@ObstacleId, @Position, @RegulationId, @Provision, @Article, @Clause, @Point, @Seq)
        """;

    private const string SeqOf = "SELECT seq FROM obstacle WHERE id = @Id";

    // Newest first from the (regulation_id, article, obstacle_seq) index: a popular article costs no more than a rare one.
    private const string SameProvision = """
        SELECT o.id
        FROM obstacle_regulation c JOIN obstacle o ON o.seq = c.obstacle_seq
        WHERE c.regulation_id = @RegulationId AND c.article = @Article AND o.status <> 'withdrawn'
        ORDER BY c.obstacle_seq DESC
        """;

    private const string InsertHint = "INSERT INTO obstacle_likely_duplicate (obstacle_id, candidate_id, reason) VALUES (@ObstacleId, @CandidateId, @Reason)";

    private const string DeleteCitations = "DELETE FROM obstacle_regulation WHERE obstacle_id = @Id";

    private const string DeleteHints = "DELETE FROM obstacle_likely_duplicate WHERE obstacle_id = @Id";

    /// <summary>The obstacle's rows and search text; its hotspot tallies are the caller's, who moves them once for a batch.</summary>
    public async Task Store(ObstacleRow row, IReadOnlyList<(Guid RegulationId, string Provision)> cited, CancellationToken ct)
    {
        await db.ExecuteAsync(InsertObstacle, row, ct);
        row.Seq = await db.ExecuteScalarAsync<long>(SeqOf, new { row.Id }, ct);
        await Cite(row, cited, ct);

        var key = db.Dialect.FullTextKeyColumn;
        await db.ExecuteAsync(
            $"INSERT INTO obstacle_search ({key}, text) VALUES (@Seq, @Text)",
            new { Text = SearchText(row.Title, row.Description), row.Seq }, ct);
    }

    /// <summary>A corrected obstacle's citations: replaced, and its open count moved from the old ones to the new.</summary>
    public async Task Recite(ObstacleRow row, IReadOnlyList<(Guid RegulationId, int Article)> before, IReadOnlyList<(Guid RegulationId, string Provision)> cited, CancellationToken ct)
    {
        await db.ExecuteAsync(DeleteCitations, new { row.Id }, ct);
        var after = await Cite(row, cited, ct);
        await hotspots.Recited(row.UnitId, before, after, ct);
        await days.Recited(row, before.Select(c => c.RegulationId), after.Select(c => c.RegulationId), ct);
    }

    /// <summary>A corrected title or description: what full-text search finds it by.</summary>
    public Task Reindex(ObstacleRow row, CancellationToken ct) =>
        db.ExecuteAsync($"UPDATE obstacle_search SET text = @Text WHERE {db.Dialect.FullTextKeyColumn} = @Seq", new { Text = SearchText(row.Title, row.Description), row.Seq }, ct);

    /// <summary>The hints of a corrected obstacle, found again for what it now says (never itself).</summary>
    public async Task RefreshHints(ObstacleRow row, IReadOnlyList<(Guid RegulationId, int Article)> citations, CancellationToken ct)
    {
        await db.ExecuteAsync(DeleteHints, new { row.Id }, ct);
        var hints = await FindLikelyDuplicates(row.Title, citations, null, ct);
        await StoreHints(row.Id, [.. hints.Where(h => h.CandidateId != row.Id)], ct);
    }

    private async Task<IReadOnlyList<(Guid RegulationId, int Article)>> Cite(ObstacleRow row, IReadOnlyList<(Guid RegulationId, string Provision)> cited, CancellationToken ct)
    {
        var citations = cited.Select((c, i) =>
        {
            var provision = Provision.Parse(c.Provision)!;
            return new
            {
                ObstacleId = row.Id, Position = i, c.RegulationId, c.Provision, provision.Article, provision.Clause,
                provision.Point, row.Seq,
            };
        }).ToList();
        await db.ExecuteAsync(InsertCitation, citations, ct);
        return [.. citations.Select(c => (c.RegulationId, c.Article))];
    }

    /// <summary>
    /// Obstacles that cite the same regulation and article, then the newest whose text shares two consecutive
    /// word pairs of the title, without diacritics. Withdrawn ones are left out. Runs before the intake takes
    /// the write lock: it only reads, and it is the costliest part of an intake.
    /// </summary>
    public async Task<IReadOnlyList<DuplicateHint>> FindLikelyDuplicates(
        string title, IReadOnlyList<(Guid RegulationId, int Article)> citations, HintLookups? lookups, CancellationToken ct)
    {
        var found = new Dictionary<Guid, string>();
        foreach (var (regulationId, article) in citations.Distinct())
        {
            IReadOnlyList<Guid>? same = null;
            if (lookups is null || !lookups.SameProvision.TryGetValue((regulationId, article), out same))
            {
                same = await db.QueryAsync<Guid>(
                    db.Dialect.Limit(SameProvision), new { RegulationId = regulationId, Article = article, Limit = MaxPerReason }, ct);
                lookups?.SameProvision.TryAdd((regulationId, article), same);
            }

            foreach (var candidate in same)
            {
                found.TryAdd(candidate, "same_provision");
            }
        }

        var groups = PhraseGroups(title);
        if (groups.Count > 0)
        {
            var similar = lookups is null
                ? await db.QueryAsync<Guid>(SimilarText(), new { Query = db.Dialect.AnyPhraseGroup(groups), Newest = MaxPerReason }, ct)
                : await SimilarText(groups, lookups, ct);
            foreach (var candidate in similar)
            {
                found.TryAdd(candidate, "similar_text");
            }
        }

        return found.Select(f => new DuplicateHint(f.Key, f.Value)).ToList();
    }

    /// <summary>Records the hints found for a new obstacle, in its intake transaction.</summary>
    public Task StoreHints(Guid obstacleId, IReadOnlyList<DuplicateHint> hints, CancellationToken ct) =>
        db.ExecuteAsync(InsertHint, hints.Select(h => new { ObstacleId = obstacleId, h.CandidateId, h.Reason }), ct);

    public static string SearchText(string title, string description) => VietnameseText.Fold($"{title}\n{description}");

    /// <summary>
    /// Groups of two consecutive word pairs of the title ("chồng chéo" + "cheo ve"…): sharing a group is a
    /// strong sign of the same subject, where sharing one common pair ("quy định") is not. A short title gives
    /// its one pair, or its one word.
    /// </summary>
    internal static IReadOnlyList<IReadOnlyList<string>> PhraseGroups(string title)
    {
        var terms = VietnameseText.Terms(title);
        if (terms.Count < 3)
        {
            return terms.Count == 0 ? [] : [[string.Join(' ', terms)]];
        }

        var pairs = terms.Zip(terms.Skip(1), (a, b) => $"{a} {b}").ToList();
        return pairs.Zip(pairs.Skip(1), (a, b) => (IReadOnlyList<string>)[a, b]).Take(MaxPhrases).ToList();
    }

    /// <summary>
    /// The same answer as the one query of <see cref="SimilarText()"/>, group by group: the newest matches of the
    /// union are among the newest of each group, so each group is asked once for the rows of a whole sheet.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> SimilarText(IReadOnlyList<IReadOnlyList<string>> groups, HintLookups lookups, CancellationToken ct)
    {
        var keys = new List<long>();
        foreach (var group in groups)
        {
            var query = db.Dialect.AnyPhraseGroup([group]);
            if (!lookups.NewestOfGroup.TryGetValue(query, out var newest))
            {
                lookups.NewestOfGroup[query] = newest = await db.QueryAsync<long>(
                    db.Dialect.FullTextNewest("obstacle_search", "@Query", "@Newest"), new { Query = query, Newest = MaxPerReason }, ct);
            }

            keys.AddRange(newest);
        }

        var seqs = keys.Distinct().OrderDescending().Take(MaxPerReason).ToArray();
        return seqs.Length == 0 ? [] : await db.QueryAsync<Guid>(NotWithdrawn, new { Seqs = seqs }, ct);
    }

    private const string NotWithdrawn = "SELECT id FROM obstacle WHERE seq IN @Seqs AND status <> 'withdrawn'";

    private string SimilarText() => $"""
        SELECT o.id
        FROM obstacle o
        WHERE o.seq IN ({db.Dialect.FullTextNewest("obstacle_search", "@Query", "@Newest")})
          AND o.status <> 'withdrawn'
        """;
}
