using System.Text;
using Dapper;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Text;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// The WHERE clause of a list query, built from the filters a client gave: only those become conditions, so
/// each query shape gets a plan of its own (no <c>@x IS NULL OR …</c>), and every value is a parameter.
/// </summary>
public sealed class QueryFilters
{
    /// <summary>More words than this add little precision and make the query needlessly long.</summary>
    public const int MaxSearchWords = 8;

    /// <summary>The longest <c>q</c>, in characters: eight long words and their spaces fit with room to spare.</summary>
    public const int MaxSearchCharacters = 200;

    private readonly List<string> conditions = [];

    public DynamicParameters Parameters { get; } = new();

    public QueryFilters Add(string condition, string parameter, object? value)
    {
        conditions.Add(condition);
        Parameters.Add(parameter, value);
        return this;
    }

    /// <summary>A condition with no value of its own (a fixed subquery).</summary>
    public QueryFilters Add(string condition)
    {
        conditions.Add(condition);
        return this;
    }

    /// <summary>
    /// The keyset of a list in creation order, oldest first: the rows after (<paramref name="createdAt"/>, <paramref name="id"/>),
    /// read in the order of a <c>(created_at, id)</c> index. <paramref name="alias"/> names the table when the query joins.
    /// </summary>
    public QueryFilters CreatedAfter(DateTimeOffset createdAt, Guid id, string alias = "")
    {
        var prefix = alias.Length == 0 ? "" : alias + ".";
        Add($"({prefix}created_at > @AfterAt OR ({prefix}created_at = @AfterAt AND {prefix}id > @AfterId))", "AfterAt", createdAt);
        Parameters.Add("AfterId", id);
        return this;
    }

    /// <summary>Appends <c>WHERE …</c> when there is any condition.</summary>
    public StringBuilder AppendWhere(StringBuilder sql) =>
        conditions.Count == 0 ? sql : sql.Append("\nWHERE ").AppendJoin("\n  AND ", conditions);

    /// <summary>
    /// Puts <paramref name="condition"/> where a fixed statement holds <paramref name="marker"/> (a SQL comment such as
    /// <c>/*unit*/</c>), or nothing: an optional filter without a catch-all <c>@x IS NULL OR …</c>, in a statement
    /// that still parses as it stands.
    /// </summary>
    public static string Optional(string sql, string marker, string? condition) => sql.Replace(marker, condition ?? "", StringComparison.Ordinal);

    /// <summary>The optional filter of the period and public queries: <c>AND column = @UnitId</c> at <c>/*unit*/</c>, when a unit is given.</summary>
    public static string ForUnit(string sql, string column, Guid? unitId) =>
        Optional(sql, "/*unit*/", unitId is null ? null : $"AND {column} = @UnitId");

    /// <summary>The folded words of a <c>q</c> parameter; more than <see cref="MaxSearchWords"/> words or <see cref="MaxSearchCharacters"/> characters is a 400 on <c>q</c>.</summary>
    public static IReadOnlyList<string> SearchWords(string? q)
    {
        if (q?.Length > MaxSearchCharacters)
        {
            throw RequestValidationException.For("q", Localization.Say.Text("Validation.SearchLength", MaxSearchCharacters));
        }

        var terms = VietnameseText.SearchTerms(q);
        return terms.Count <= MaxSearchWords
            ? terms
            : throw RequestValidationException.For("q", Localization.Say.Text("Validation.SearchWords", MaxSearchWords));
    }
}
