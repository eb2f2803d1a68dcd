using System.Text;
using Dapper;
using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Text;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Regulations.Symbols;

namespace ObstacleRegister.Regulations.Search;

/// <summary>
/// Lists regulations, oldest registration first. <c>q</c> matches words of the symbol and title without
/// diacritics: every word must appear, the last may be the start of a word (<c>chong che</c> finds "chồng chéo").
/// </summary>
internal sealed record SearchRegulations(
    string? Q, RegulationType? Type, RegulationStatus? Status, string? Symbol, Guid? GuidesId, int Limit, string? Cursor)
    : IQuery<Page<RegulationListItem>>;

internal sealed record RegulationCursor(DateTimeOffset CreatedAt, Guid Id);

internal sealed class SearchRegulationsHandler(IDbSession db) : IRequestHandler<SearchRegulations, Page<RegulationListItem>>
{
    /// <summary>More words than this add little precision and make the query needlessly long.</summary>
    public const int MaxTerms = 8;

    private const string Select = $"SELECT {RegulationQueries.Columns} FROM regulation r";

    public async Task<Page<RegulationListItem>> Handle(SearchRegulations request, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<RegulationCursor>(request.Cursor);
        var (sql, parameters) = Build(request, after);
        var rows = await db.QueryAsync<RegulationRow>(db.Dialect.Limit(sql), parameters, cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => r.ToListItem(), r => new RegulationCursor(r.CreatedAt, r.Id));
    }

    /// <summary>
    /// Only the filters given become conditions, so each query has a plan made for it; every value is a
    /// parameter. The words become index seeks on <c>regulation_term</c>.
    /// </summary>
    internal static (string Sql, DynamicParameters Parameters) Build(SearchRegulations request, RegulationCursor? after)
    {
        var where = new List<string>();
        var parameters = new DynamicParameters();
        parameters.Add("Limit", request.Limit + 1);

        var terms = VietnameseText.Terms(request.Q);
        if (terms.Count > MaxTerms)
        {
            throw RequestValidationException.For("q", $"'q' may have at most {MaxTerms} words.");
        }

        for (var i = 0; i < terms.Count; i++)
        {
            var last = i == terms.Count - 1;
            where.Add(last
                ? $"r.id IN (SELECT t.regulation_id FROM regulation_term t WHERE t.term >= @Term{i} AND t.term < @TermEnd{i})"
                : $"r.id IN (SELECT t.regulation_id FROM regulation_term t WHERE t.term = @Term{i})");
            parameters.Add($"Term{i}", terms[i]);
            if (last)
            {
                parameters.Add($"TermEnd{i}", VietnameseText.PrefixUpperBound(terms[i]));
            }
        }

        if (request.Type is { } type)
        {
            where.Add("r.type = @Type");
            parameters.Add("Type", WireNames.Of(type));
        }

        if (request.Status is { } status)
        {
            where.Add("r.status = @Status");
            parameters.Add("Status", WireNames.Of(status));
        }

        if (!string.IsNullOrWhiteSpace(request.Symbol))
        {
            where.Add("r.symbol_key = @SymbolKey");
            parameters.Add("SymbolKey", RegulationSymbol.Key(request.Symbol));
        }

        if (request.GuidesId is { } guidesId)
        {
            where.Add("r.guides_id = @GuidesId");
            parameters.Add("GuidesId", guidesId);
        }

        if (after is not null)
        {
            where.Add("(r.created_at > @AfterAt OR (r.created_at = @AfterAt AND r.id > @AfterId))");
            parameters.Add("AfterAt", after.CreatedAt);
            parameters.Add("AfterId", after.Id);
        }

        var sql = new StringBuilder(Select);
        if (where.Count > 0)
        {
            sql.Append("\nWHERE ").AppendJoin("\n  AND ", where);
        }

        sql.Append("\nORDER BY r.created_at, r.id");
        return (sql.ToString(), parameters);
    }
}
