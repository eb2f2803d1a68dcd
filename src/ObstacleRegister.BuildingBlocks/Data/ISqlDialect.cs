namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// The few SQL fragments that differ between SQLite and SQL Server. Everything else is written once,
/// in the subset both engines speak.
/// </summary>
public interface ISqlDialect
{
    static ISqlDialect For(DatabaseProvider provider) =>
        provider == DatabaseProvider.SqlServer ? SqlServerDialect.Instance : SqliteDialect.Instance;

    DatabaseProvider Provider { get; }

    /// <summary>
    /// Completes a query that already ends with an <c>ORDER BY</c> so it returns at most
    /// <paramref name="limitParameter"/> rows.
    /// </summary>
    string Limit(string orderedQuery, string limitParameter = "@Limit");

    /// <summary>
    /// After a table name: read it through <paramref name="index"/>. SQLite plans from the statistics in the file, which
    /// nothing keeps current (an index created since the last ANALYZE has none, and the planner then preferred a wider
    /// one that is not covering); SQL Server keeps its statistics itself and chooses by cost, so it gets no hint.
    /// </summary>
    string ReadThrough(string index);

    /// <summary>True when the exception reports a unique index or primary key violation.</summary>
    bool IsUniqueViolation(Exception exception);

    /// <summary>
    /// The condition that keeps the documents of a full-text table, joined as <paramref name="tableAlias"/>,
    /// that match the query in <paramref name="queryParameter"/>. Drive the query from that table and order by
    /// its key column (<see cref="FullTextKeyColumn"/>) so the engine can stop after one page.
    /// </summary>
    string FullTextCondition(string tableAlias, string queryParameter);

    /// <summary>
    /// A query returning one column <c>doc_key</c>: the keys of the newest documents matching the query in
    /// <paramref name="queryParameter"/>, newest first, as many as <paramref name="limitParameter"/> says. Newest
    /// rather than best ranked: ranking scores every match, newest stops at the first few.
    /// </summary>
    string FullTextNewest(string searchTable, string queryParameter, string limitParameter);

    /// <summary>
    /// Ids for a Dapper list parameter (<c>WHERE id IN @Ids</c>). Dapper expands lists without the type
    /// handlers, so on SQLite the ids go as the same text the handler stores.
    /// </summary>
    System.Collections.IEnumerable IdList(IEnumerable<Guid> ids);

    /// <summary>The column of a full-text table that holds the document key, for inserts and deletes.</summary>
    string FullTextKeyColumn { get; }

    /// <summary>
    /// A statement that does a bounded share of a full-text index's upkeep, for a background task to run
    /// often; null where the engine keeps its index itself.
    /// </summary>
    string? FullTextMaintenance(string searchTable);

    /// <summary>The engine's full-text query for documents holding every term, the last one as a prefix when asked.</summary>
    string AllTerms(IReadOnlyList<string> terms, bool lastAsPrefix = true);

    /// <summary>The engine's full-text query for documents holding every phrase of at least one group.</summary>
    string AnyPhraseGroup(IReadOnlyList<IReadOnlyList<string>> groups);

    /// <summary>Days from one stored instant to another, with the fraction.</summary>
    string DaysBetweenInstants(string earlier, string later);

    /// <summary>Whole days from one stored date (or date parameter) to another.</summary>
    string DaysBetweenDates(string earlier, string later);

    /// <summary>Completes an ordered query so it skips <paramref name="skipParameter"/> rows and returns <paramref name="takeParameter"/>; for small, bounded sets only (a median).</summary>
    string SkipTake(string orderedQuery, string skipParameter, string takeParameter);

    /// <summary><c>change_log.position</c> as a 64-bit integer, for the feed's cursor.</summary>
    string ChangePosition { get; }

    /// <summary>
    /// The changes after the position in <paramref name="afterParameter"/> that no reader can see out of order:
    /// on SQL Server only those below every uncommitted change.
    /// </summary>
    string ChangesAfter(string afterParameter);

    /// <summary>
    /// A statement that makes the rest of the transaction run alone among those naming the same resource (a
    /// read-then-write rule such as "never revoke the last admin key"), answering a negative number when the lock was
    /// not had in time; null where every write transaction already runs alone (SQLite's single writer).
    /// </summary>
    string? SerializeOn(string resource);
}

public sealed class SqliteDialect : ISqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string ReadThrough(string index) => $"INDEXED BY {index}";

    public string Limit(string orderedQuery, string limitParameter = "@Limit") =>
        $"{orderedQuery.TrimEnd()}\nLIMIT {limitParameter}";

    public bool IsUniqueViolation(Exception exception) =>
        // 19 is SQLITE_CONSTRAINT; 2067 and 1555 are its UNIQUE and PRIMARYKEY extended codes.
        exception is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    public System.Collections.IEnumerable IdList(IEnumerable<Guid> ids) => ids.Distinct().Select(id => id.ToString("D")).ToArray();

    public string FullTextKeyColumn => "rowid";

    // FTS5's "merge" command: merge segments until about 500 pages are written, then stop.
    public string? FullTextMaintenance(string searchTable) => $"INSERT INTO {searchTable} ({searchTable}, rank) VALUES ('merge', 500)";

    // An FTS5 table: its rowid is the document key.
    public string FullTextCondition(string tableAlias, string queryParameter) => $"{tableAlias}.text MATCH {queryParameter}";

    public string FullTextNewest(string searchTable, string queryParameter, string limitParameter) =>
        $"SELECT rowid AS doc_key FROM {searchTable} WHERE {searchTable} MATCH {queryParameter} ORDER BY rowid DESC LIMIT {limitParameter}";

    public string AllTerms(IReadOnlyList<string> terms, bool lastAsPrefix = true) =>
        string.Join(' ', terms.Select((t, i) => lastAsPrefix && i == terms.Count - 1 ? $"\"{t}\"*" : $"\"{t}\""));

    public string AnyPhraseGroup(IReadOnlyList<IReadOnlyList<string>> groups) =>
        string.Join(" OR ", groups.Select(g => $"({string.Join(' ', g.Select(p => $"\"{p}\""))})"));

    public string ChangePosition => "position";

    public string ChangesAfter(string afterParameter) => $"position > {afterParameter}";

    public string DaysBetweenInstants(string earlier, string later) => $"(julianday({later}) - julianday({earlier}))";

    public string DaysBetweenDates(string earlier, string later) => $"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)";

    public string SkipTake(string orderedQuery, string skipParameter, string takeParameter) =>
        $"{orderedQuery.TrimEnd()}\nLIMIT {takeParameter} OFFSET {skipParameter}";

    // BEGIN IMMEDIATE holds the database's one write lock for the whole transaction.
    public string? SerializeOn(string resource) => null;
}

public sealed class SqlServerDialect : ISqlDialect
{
    public static readonly SqlServerDialect Instance = new();

    public DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public string ReadThrough(string index) => "";

    public string Limit(string orderedQuery, string limitParameter = "@Limit") =>
        $"{orderedQuery.TrimEnd()}\nOFFSET 0 ROWS FETCH NEXT {limitParameter} ROWS ONLY";

    public bool IsUniqueViolation(Exception exception) =>
        // 2627 is a unique constraint violation, 2601 a unique index violation: both mean "duplicate key".
        exception is Microsoft.Data.SqlClient.SqlException sql
        && sql.Errors.Cast<Microsoft.Data.SqlClient.SqlError>().Any(e => e.Number is 2627 or 2601);

    public System.Collections.IEnumerable IdList(IEnumerable<Guid> ids) => ids.Distinct().ToArray();

    public string FullTextKeyColumn => "doc_key";

    public string? FullTextMaintenance(string searchTable) => null;

    // A table (doc_key, text) with a full-text index on text, keyed by doc_key.
    public string FullTextCondition(string tableAlias, string queryParameter) => $"CONTAINS({tableAlias}.text, {queryParameter})";

    public string FullTextNewest(string searchTable, string queryParameter, string limitParameter) =>
        $"SELECT TOP ({limitParameter}) doc_key FROM {searchTable} WHERE CONTAINS(text, {queryParameter}) ORDER BY doc_key DESC";

    public string AllTerms(IReadOnlyList<string> terms, bool lastAsPrefix = true) =>
        string.Join(" AND ", terms.Select((t, i) => lastAsPrefix && i == terms.Count - 1 ? $"\"{t}*\"" : $"\"{t}\""));

    public string AnyPhraseGroup(IReadOnlyList<IReadOnlyList<string>> groups) =>
        string.Join(" OR ", groups.Select(g => $"({string.Join(" AND ", g.Select(p => $"\"{p}\""))})"));

    public string ChangePosition => "CAST(position AS bigint)";

    public string ChangesAfter(string afterParameter) =>
        $"position > CAST({afterParameter} AS binary(8)) AND position < MIN_ACTIVE_ROWVERSION()";

    public string DaysBetweenInstants(string earlier, string later) => $"(DATEDIFF_BIG(second, {earlier}, {later}) / 86400.0)";

    public string DaysBetweenDates(string earlier, string later) => $"DATEDIFF(day, {earlier}, {later})";

    public string SkipTake(string orderedQuery, string skipParameter, string takeParameter) =>
        $"{orderedQuery.TrimEnd()}\nOFFSET {skipParameter} ROWS FETCH NEXT {takeParameter} ROWS ONLY";

    // An application lock owned by the transaction, released by its commit or rollback. Without @LockTimeout it waits
    // as long as the session's LOCK_TIMEOUT, which the write transaction set to the configured bound; it answers a
    // negative code instead of raising an error when the wait ran out.
    public string? SerializeOn(string resource) => $"""
        DECLARE @granted int;
        EXEC @granted = sp_getapplock @Resource = N'ObstacleRegister.{resource}', @LockMode = N'Exclusive', @LockOwner = N'Transaction';
        SELECT @granted;
        """;
}
