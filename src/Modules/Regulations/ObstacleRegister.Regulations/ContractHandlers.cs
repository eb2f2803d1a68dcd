using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Regulations.Symbols;

namespace ObstacleRegister.Regulations;

internal sealed class GetRegulationHandler(IDbSession db) : IRequestHandler<GetRegulation, RegulationSummary?>
{
    public async Task<RegulationSummary?> Handle(GetRegulation request, CancellationToken cancellationToken) =>
        (await RegulationQueries.Find(db, request.Id, cancellationToken))?.ToSummary();
}

internal sealed class GetRegulationsHandler(IDbSession db) : IRequestHandler<GetRegulations, IReadOnlyList<RegulationSummary>>
{
    public async Task<IReadOnlyList<RegulationSummary>> Handle(GetRegulations request, CancellationToken cancellationToken) =>
        (await RegulationQueries.FindMany(db, request.Ids, cancellationToken)).Select(r => r.ToSummary()).ToList();
}

internal sealed class FindRegulationBySymbolHandler(IDbSession db) : IRequestHandler<FindRegulationBySymbol, RegulationSummary?>
{
    public async Task<RegulationSummary?> Handle(FindRegulationBySymbol request, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(request.Symbol)
            ? null
            : (await RegulationQueries.FindBySymbolKey(db, RegulationSymbol.Key(request.Symbol), cancellationToken))?.ToSummary();
}

internal sealed class FindRegulationsBySymbolsHandler(IDbSession db) : IRequestHandler<FindRegulationsBySymbols, IReadOnlyDictionary<string, RegulationSummary>>
{
    public async Task<IReadOnlyDictionary<string, RegulationSummary>> Handle(FindRegulationsBySymbols request, CancellationToken cancellationToken)
    {
        var keyed = request.Symbols.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal)
            .Select(s => (Symbol: s, Key: RegulationSymbol.Key(s))).ToList();
        var found = (await RegulationQueries.FindBySymbolKeys(db, [.. keyed.Select(k => k.Key).Distinct(StringComparer.Ordinal)], cancellationToken))
            .ToDictionary(r => r.SymbolKey, StringComparer.Ordinal);
        return keyed.Where(k => found.ContainsKey(k.Key)).ToDictionary(k => k.Symbol, k => found[k.Key].ToSummary(), StringComparer.Ordinal);
    }
}
