using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Text;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Regulations.Symbols;

namespace ObstacleRegister.Regulations;

/// <summary>What registering and updating share: turning a validated body into a row, the rules that need
/// the database (unique symbol, an acyclic guidance graph), and keeping the search terms in step.</summary>
internal sealed class RegulationWriter(IDbSession db, RegisterCalendar calendar)
{
    private const string DeleteTerms = "DELETE FROM regulation_term WHERE regulation_id = @Id";

    private const string InsertTerm = "INSERT INTO regulation_term (term, regulation_id) VALUES (@Term, @Id)";

    private const string GuidesOf = "SELECT guides_id FROM regulation WHERE id = @Id";

    /// <summary>Longest guidance chain followed when looking for a cycle; real chains are law → decree → circular.</summary>
    private const int MaxGuidanceDepth = 32;

    public void Apply(ValidRegulation regulation, RegulationRow row)
    {
        row.Symbol = RegulationSymbol.Normalize(regulation.Symbol);
        row.SymbolKey = RegulationSymbol.Key(regulation.Symbol);
        row.Type = WireNames.Of(regulation.Type);
        row.Title = regulation.Title;
        row.Issuer = regulation.Issuer;
        row.IssuedOn = regulation.IssuedOn;
        row.EffectiveOn = regulation.EffectiveOn;
        row.Status = WireNames.Of(regulation.Status ?? DefaultStatus(regulation.EffectiveOn));
        row.GuidesId = regulation.GuidesId;
    }

    public async Task EnsureSymbolFree(RegulationRow row, CancellationToken ct)
    {
        var holder = await RegulationQueries.FindBySymbolKey(db, row.SymbolKey, ct);
        if (holder is not null && holder.Id != row.Id)
        {
            throw DuplicateSymbol(row.Symbol, holder);
        }
    }

    /// <summary>The guided document must exist, and following "guides" upward must never come back here.</summary>
    public async Task EnsureGuidesIsValid(RegulationRow row, CancellationToken ct)
    {
        if (row.GuidesId is not { } guidesId)
        {
            return;
        }

        if (guidesId == row.Id)
        {
            throw RequestValidationException.For("guidesId", Say.Text("Validation.GuidesItself"));
        }

        var guided = await RegulationQueries.Find(db, guidesId, ct) ?? throw RequestValidationException.For("guidesId", Say.NoSuch("regulation", guidesId));
        Ranks.RegulationRanks.EnsureMayChange("guidesId", row.Symbol, row.TypeValue, RegulationChange.Guides, guided.Symbol, guided.TypeValue);

        Guid? current = guidesId;
        for (var depth = 0; current is not null && depth < MaxGuidanceDepth; depth++)
        {
            current = await db.ExecuteScalarAsync<Guid?>(GuidesOf, new { Id = current }, ct);
            if (current == row.Id)
            {
                throw RequestValidationException.For("guidesId", Say.Text("Validation.GuidesItselfThroughOthers"));
            }
        }
    }

    public async Task WriteTerms(RegulationRow row, bool replace, CancellationToken ct)
    {
        if (replace)
        {
            await db.ExecuteAsync(DeleteTerms, new { row.Id }, ct);
        }

        var terms = VietnameseText.Terms($"{row.Symbol} {row.Title}");
        await db.ExecuteAsync(InsertTerm, terms.Select(t => new { Term = t, row.Id }), ct);
    }

    public static ConflictException DuplicateSymbol(string symbol, RegulationRow? holder) =>
        new(ProblemTypes.DuplicateSymbol, "Symbol already registered",
            holder is null
                ? $"A regulation with the symbol '{symbol}' is already registered."
                : $"'{symbol}' is the same symbol as '{holder.Symbol}', registered as regulation {holder.Id}.");

    private RegulationStatus DefaultStatus(DateOnly? effectiveOn) =>
        effectiveOn > calendar.Today ? RegulationStatus.NotYetInForce : RegulationStatus.InForce;
}
