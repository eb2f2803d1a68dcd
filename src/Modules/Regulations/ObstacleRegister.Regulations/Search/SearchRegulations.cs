using System.Text;
using Dapper;
using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
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
    string? Q, RegulationType? Type, RegulationStatus? Status, string? Symbol, Guid? GuidesId, int Limit, string? Cursor, bool? ReviewNeeded = null)
    : IQuery<Page<RegulationListItem>>;

internal sealed record RegulationCursor(DateTimeOffset CreatedAt, Guid Id);

internal sealed class SearchRegulationsHandler(IDbSession db) : IRequestHandler<SearchRegulations, Page<RegulationListItem>>
{
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
        var filters = new QueryFilters();
        filters.Parameters.Add("Limit", request.Limit + 1);
        var terms = QueryFilters.SearchWords(request.Q);
        for (var i = 0; i < terms.Count; i++)
        {
            if (i < terms.Count - 1)
            {
                filters.Add($"r.id IN (SELECT t.regulation_id FROM regulation_term t WHERE t.term = @Term{i})", $"Term{i}", terms[i]);
                continue;
            }

            filters.Add($"r.id IN (SELECT t.regulation_id FROM regulation_term t WHERE t.term >= @Term{i} AND t.term < @TermEnd{i})", $"Term{i}", terms[i]);
            filters.Parameters.Add($"TermEnd{i}", VietnameseText.PrefixUpperBound(terms[i]));
        }

        if (request.Type is { } type) filters.Add("r.type = @Type", "Type", WireNames.Of(type));
        if (request.Status is { } status) filters.Add("r.status = @Status", "Status", WireNames.Of(status));
        if (!string.IsNullOrWhiteSpace(request.Symbol)) filters.Add("r.symbol_key = @SymbolKey", "SymbolKey", RegulationSymbol.Key(request.Symbol));
        if (request.GuidesId is { } guidesId) filters.Add("r.guides_id = @GuidesId", "GuidesId", guidesId);
        if (request.ReviewNeeded is { } reviewNeeded) filters.Add(reviewNeeded ? Reviews.ReviewQueries.IsOpen : Reviews.ReviewQueries.IsNotOpen);
        if (after is not null) filters.CreatedAfter(after.CreatedAt, after.Id, "r");

        var sql = filters.AppendWhere(new StringBuilder(Select)).Append("\nORDER BY r.created_at, r.id");
        return (sql.ToString(), filters.Parameters);
    }
}
