using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using ObstacleRegister.Amendments;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.Deadlines;
using ObstacleRegister.Amendments.List;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Regulations.Search;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Database;

/// <summary>
/// Every SQL statement the modules hold as a constant is checked on both engines: parsed as T-SQL, and
/// prepared by SQLite against the migrated schema (which catches a misspelt table or column).
/// </summary>
public sealed partial class SqlStatementTests
{
    private static readonly Regex StatementStart = new(@"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b", RegexOptions.IgnoreCase);

    private static IEnumerable<TestCaseData> Statements() =>
        Repository.Modules
            .SelectMany(m => m.Implementation.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
                .Select(f => (Name: $"{t.Name}.{f.Name}", Sql: (string)f.GetRawConstantValue()!)))
            .Where(s => StatementStart.IsMatch(s.Sql))
            .Select(s => new TestCaseData(s.Sql).SetArgDisplayNames(s.Name));

    [Test]
    public void ThereAreStatementsToCheck() => Assert.That(Statements().Count(), Is.GreaterThan(10));

    [TestCaseSource(nameof(Statements))]
    public void Statement_ParsesAsTSql(string sql)
    {
        TSql.Parse(ForTSql(sql), out var errors);

        Assert.That(errors, Is.Empty);
    }

    [TestCaseSource(nameof(Statements))]
    public async Task Statement_PreparesOnSqlite(string sql)
    {
        using var scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);

        Assert.DoesNotThrowAsync(() => Explain(connection, sql));
    }

    [Test]
    public async Task SearchWithEveryFilter_IsValidOnBothEngines()
    {
        var search = new SearchRegulations("chong cheo quy dinh", RegulationType.Decree, RegulationStatus.InForce, "13/2023/NĐ-CP", Guid.NewGuid(), 50, null);
        var (sql, _) = SearchRegulationsHandler.Build(search, new RegulationCursor(DateTimeOffset.UtcNow, Guid.NewGuid()));
        using var scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);

        TSql.Parse(SqlServerDialect.Instance.Limit(sql), out var errors);

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.DoesNotThrowAsync(() => Explain(connection, SqliteDialect.Instance.Limit(sql)));
        });
    }

    [Test]
    public async Task AccessListsWithEveryFilter_AreValidOnBothEngines()
    {
        var (units, _) = Access.Units.List.ListUnitsHandler.Build(
            new Access.Units.List.ListUnits(Access.Contracts.UnitKind.Ministry, Guid.NewGuid(), 50, null), new Access.Units.List.UnitCursor("BTTTT"));
        var (keys, _) = Access.ApiKeys.List.ListApiKeysHandler.Build(
            new Access.ApiKeys.List.ListApiKeys(Guid.NewGuid(), 50, null), new Access.ApiKeys.List.ApiKeyCursor(DateTimeOffset.UtcNow, Guid.NewGuid()));
        using var scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            foreach (var sql in new[] { units, keys })
            {
                TSql.Parse(SqlServerDialect.Instance.Limit(sql), out var errors);
                Assert.That(errors, Is.Empty, sql);
                Assert.DoesNotThrowAsync(() => Explain(connection, SqliteDialect.Instance.Limit(sql)));
            }
        });
    }

    [Test]
    public async Task TrendStatements_AreValidOnBothEngines_AndSeekTheirIndexes()
    {
        string[] statements =
        [
            Obstacles.Reporting.CountObstacleTrendHandler.Statement(3),
            Amendments.Reporting.CountAmendmentTrendHandler.Overdue(SqliteDialect.Instance, 3),
            Amendments.Reporting.CountAmendmentTrendHandler.InForce(3),
        ];
        string[] tsqlStatements = [statements[0], Amendments.Reporting.CountAmendmentTrendHandler.Overdue(SqlServerDialect.Instance, 3), statements[2]];
        using var scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);

        var plans = new List<string>();
        foreach (var sql in statements)
        {
            plans.Add(string.Join('\n', await QueryPlan(connection, sql)));
        }

        Assert.Multiple(() =>
        {
            foreach (var sql in tsqlStatements)
            {
                TSql.Parse(sql, out var errors);
                Assert.That(errors, Is.Empty, sql);
            }

            Assert.That(plans[0], Does.Not.Match(@"SCAN (d|o|e)\b"), "each period seeks the kept days, the obstacles and the history by time");
            Assert.That(plans[1], Does.Contain("ix_amendment_overdue (due_on<?)"), "the overdue tests read one range of the due-day index");
            Assert.That(plans[2], Does.Contain("ix_amendment_effective_on"));
        });
    }

    [Test]
    public async Task PeriodRanking_ReadsTheFirstRowsOfItsIndex_OnBothEngines()
    {
        using var scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);
        var tsql = SqlServerDialect.Instance.Limit(Obstacles.Reporting.PeriodCitations.Ranked, "@Top");

        var plan = string.Join('\n', await QueryPlan(connection, SqliteDialect.Instance.Limit(Obstacles.Reporting.PeriodCitations.Ranked, "@Top")));

        TSql.Parse(tsql, out var errors);
        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty, tsql);
            Assert.That(plan, Does.Contain("USING COVERING INDEX ix_obstacle_period_citation_rank (period=? AND first_day=?"), plan);
            Assert.That(plan, Does.Not.Contain("TEMP B-TREE"), "ranked by the index, not sorted");
        });
    }

    [Test]
    public async Task Search_SeeksTheTermIndexInsteadOfScanning()
    {
        var search = new SearchRegulations("chong cheo", null, null, null, null, 50, null);
        var (sql, _) = SearchRegulationsHandler.Build(search, null);
        using var scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);

        var plan = string.Join('\n', await QueryPlan(connection, SqliteDialect.Instance.Limit(sql)));

        Assert.Multiple(() =>
        {
            Assert.That(plan, Does.Match(@"SEARCH (t|regulation_term)"), plan);
            Assert.That(plan, Does.Not.Match(@"SCAN (t|regulation_term)\b"), plan);
            Assert.That(plan, Does.Not.Match(@"SCAN r\b(?! USING)"), plan);
        });
    }

    [TestCase("chong cheo", null, "SCAN s VIRTUAL TABLE")]
    [TestCase(null, "accepted", "USING INDEX ix_obstacle_status")]
    [TestCase(null, null, "SEARCH o USING INTEGER PRIMARY KEY")]
    public async Task ObstacleList_ReadsOnePageInIndexOrderWithoutSorting(string? q, string? status, string expected)
    {
        var list = new Obstacles.List.ListObstacles(
            status is null ? null : Obstacles.Contracts.ObstacleStatus.Accepted, null, null, null, null, null, null, null, q, 50, null);
        var cursor = new Obstacles.List.ObstacleCursor(1000);
        var (sql, _) = Obstacles.List.ListObstaclesHandler.Build(list, cursor, SqliteDialect.Instance, TimeZoneInfo.Utc);
        var (tsql, _) = Obstacles.List.ListObstaclesHandler.Build(list, cursor, SqlServerDialect.Instance, TimeZoneInfo.Utc);
        using var scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);

        var plan = string.Join('\n', await QueryPlan(connection, SqliteDialect.Instance.Limit(sql)));
        TSql.Parse(SqlServerDialect.Instance.Limit(tsql), out var errors);

        Assert.Multiple(() =>
        {
            Assert.That(plan, Does.Contain(expected));
            Assert.That(plan, Does.Not.Contain("TEMP B-TREE"), plan);
            Assert.That(errors, Is.Empty);
        });
    }

    [TestCase(true, "ix_obstacle_regulation_article")]
    [TestCase(false, "ix_obstacle_regulation_article_seq")]
    public async Task ObstacleSearchByCitation_ReadsTheCitationIndex_OnBothEngines(bool withRegulation, string index)
    {
        var list = new Obstacles.List.ListObstacles(null, null, null, null, null, null, null, null, null, 50, null);
        var search = new Obstacles.List.ResolvedSearch(
            "VM-2026-000001", withRegulation ? [Guid.NewGuid()] : [], new Obstacles.Provisions.Provision(5, 2, null), "cap phep");
        var (sql, _) = Obstacles.List.ListObstaclesHandler.Build(list, null, SqliteDialect.Instance, TimeZoneInfo.Utc, search);
        var (tsql, _) = Obstacles.List.ListObstaclesHandler.Build(list, null, SqlServerDialect.Instance, TimeZoneInfo.Utc, search);
        using var scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);

        var plan = string.Join('\n', await QueryPlan(connection, SqliteDialect.Instance.Limit(sql)));
        TSql.Parse(SqlServerDialect.Instance.Limit(tsql), out var errors);

        Assert.Multiple(() =>
        {
            Assert.That(plan, Does.Contain($"USING COVERING INDEX {index} ").Or.Contain($"USING INDEX {index} "), plan);
            Assert.That(errors, Is.Empty);
        });
    }

    [Test]
    public async Task AmendmentListAndDeadlines_AreValidOnBothEngines()
    {
        var list = new ListAmendments(
            AmendmentStatus.Drafting, Guid.NewGuid(), Guid.NewGuid(), AmendmentKind.Amend, true, false, new DateOnly(2026, 6, 30), 50, null, AtRisk: true);
        var (sql, _) = ListAmendmentsHandler.Build(list, new AmendmentCursor(new DateOnly(2026, 4, 30), Guid.NewGuid()), AmendmentClock());
        var deadlines = GetDeadlinesHandler.Statements(SqlServerDialect.Instance).ToList();
        using var scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(deadlines, Has.Count.EqualTo(8), "a count and a page for each of the four parts");
            foreach (var tsql in deadlines.Append(SqlServerDialect.Instance.Limit(sql)))
            {
                TSql.Parse(tsql, out var errors);
                Assert.That(errors, Is.Empty, tsql);
            }

            foreach (var sqlite in GetDeadlinesHandler.Statements(SqliteDialect.Instance).Append(SqliteDialect.Instance.Limit(sql)))
            {
                Assert.DoesNotThrowAsync(() => Explain(connection, sqlite));
            }
        });
    }

    [TestCase(null, null, false, "ix_amendment_due_on")]
    [TestCase("drafting", null, false, "ix_amendment_status")]
    [TestCase(null, "unit", false, "ix_amendment_drafting_unit_id")]
    [TestCase(null, null, true, "ix_amendment_open")]
    public async Task AmendmentList_ReadsOnePageInIndexOrderWithoutSorting(string? status, string? unit, bool overdue, string index)
    {
        var list = new ListAmendments(
            status is null ? null : AmendmentStatus.Drafting, unit is null ? null : Guid.NewGuid(), null, null, overdue ? true : null, null, null, 50, null);
        var (sql, _) = ListAmendmentsHandler.Build(list, new AmendmentCursor(new DateOnly(2026, 4, 30), Guid.NewGuid()), AmendmentClock());
        using var scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);

        var plan = string.Join('\n', await QueryPlan(connection, SqliteDialect.Instance.Limit(sql)));

        Assert.Multiple(() =>
        {
            Assert.That(plan, Does.Contain($"USING INDEX {index}"), plan);
            Assert.That(plan, Does.Not.Contain("TEMP B-TREE"), plan);
        });
    }

    [Test]
    public async Task Deadlines_ReadOnlyTheUnitsRowsForEachPart()
    {
        using var scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);

        var plans = new List<string>();
        foreach (var sql in GetDeadlinesHandler.Statements(SqliteDialect.Instance))
        {
            plans.Add(string.Join('\n', await QueryPlan(connection, sql)));
        }

        Assert.That(plans, Has.All.Match("USING (COVERING )?INDEX ix_amendment_drafting_unit_(open|stale) \\(drafting_unit_id=\\?"), string.Join("\n---\n", plans));
    }

    [Test]
    public async Task ReportStatementsBuiltPerEngine_AreValidOnBothEngines()
    {
        static IEnumerable<string> Built(ISqlDialect d) =>
        [
            ObstacleRegister.Amendments.Reporting.CountAmendmentActivityHandler.OverdueAt(d).Replace("/*unit*/", "AND drafting_unit_id = @UnitId", StringComparison.Ordinal),
            d.SkipTake($"SELECT {d.DaysBetweenInstants("o.created_at", "e.at")} AS days FROM obstacle_event e JOIN obstacle o ON o.id = e.obstacle_id ORDER BY days", "@Skip", "@Take"),
            ObstacleRegister.Changes.ReadRecentChangesHandler.Query(d, ofUnit: true, ofResources: true),
        ];
        using var scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            foreach (var tsql in Built(SqlServerDialect.Instance))
            {
                TSql.Parse(ForTSql(tsql), out var errors);
                Assert.That(errors, Is.Empty, tsql);
            }

            foreach (var sqlite in Built(SqliteDialect.Instance))
            {
                Assert.DoesNotThrowAsync(() => Explain(connection, sqlite));
            }
        });
    }

    private static AmendmentClock AmendmentClock() =>
        new(new RegisterCalendar(TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new RegisterOptions())));

    [Test]
    public void SqlServerPaging_IsValidTSqlOnlyWithOrderBy()
    {
        var paged = SqlServerDialect.Instance.Limit("SELECT id FROM regulation ORDER BY created_at, id");

        TSql.Parse(paged, out var errors);

        Assert.Multiple(() =>
        {
            Assert.That(paged, Does.EndWith("OFFSET 0 ROWS FETCH NEXT @Limit ROWS ONLY"));
            Assert.That(errors, Is.Empty);
            Assert.That(SqliteDialect.Instance.Limit("SELECT id FROM regulation ORDER BY id"), Does.EndWith("LIMIT @Limit"));
        });
    }

    /// <summary>Dapper expands <c>IN @Ids</c> into a list at run time; give the parsers the shape it becomes.</summary>
    private static string ForTSql(string sql) => ListParameter().Replace(sql, "IN (@$1)");

    private static async Task Explain(System.Data.Common.DbConnection connection, string sql) =>
        await connection.ExecuteAsync("EXPLAIN " + ForTSql(sql), NullParameters(sql));

    private static async Task<IReadOnlyList<string>> QueryPlan(System.Data.Common.DbConnection connection, string sql) =>
        (await connection.QueryAsync<PlanRow>("EXPLAIN QUERY PLAN " + sql, NullParameters(sql))).Select(r => r.Detail).ToList();

    private static DynamicParameters NullParameters(string sql)
    {
        var parameters = new DynamicParameters();
        foreach (var name in Parameter().Matches(sql).Select(m => m.Groups[1].Value).Distinct())
        {
            parameters.Add(name, null);
        }

        return parameters;
    }

    private sealed class PlanRow
    {
        public string Detail { get; set; } = "";
    }

    [GeneratedRegex(@"IN @(\w+)")]
    private static partial Regex ListParameter();

    [GeneratedRegex(@"@(\w+)")]
    private static partial Regex Parameter();
}
