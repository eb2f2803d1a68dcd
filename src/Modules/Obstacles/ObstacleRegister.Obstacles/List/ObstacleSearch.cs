using System.Text.RegularExpressions;
using ObstacleRegister.BuildingBlocks.Text;
using ObstacleRegister.Obstacles.Provisions;

namespace ObstacleRegister.Obstacles.List;

/// <summary>
/// What a search (<c>q</c>) asks for, read the way people type it: a reference (<c>VM-2026-000001</c>), symbols of
/// cited regulations (<c>13/2023/ND-CP</c>, either spelling), a provision (<c>dieu 5 khoan 2</c>), and the words left
/// for the full-text index.
/// </summary>
internal sealed partial record ObstacleSearch(string? Reference, IReadOnlyList<string> Symbols, Provision? Provision, string? Words)
{
    public static ObstacleSearch Parse(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return new ObstacleSearch(null, [], null, null);
        }

        string? reference = null;
        var symbols = new List<string>();
        var words = new List<string>();
        foreach (var token in q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bare = token.Trim(',', ';', '.');
            if (ReferenceShape().IsMatch(bare))
            {
                reference = bare.ToUpperInvariant();
            }
            else if (SymbolShape().IsMatch(bare))
            {
                symbols.Add(bare);
            }
            else
            {
                words.Add(token);
            }
        }

        var text = VietnameseText.Fold(string.Join(' ', words));
        var provision = Provision.Parse(text);
        if (provision is not null)
        {
            text = Provision.Without(text);
        }

        return new ObstacleSearch(reference, symbols, provision, string.IsNullOrWhiteSpace(text) ? null : text);
    }

    [GeneratedRegex(@"^[A-Za-z]{2}-\d{4}-\d{6}$")]
    private static partial Regex ReferenceShape();

    // Starts with the document's number and has a slash, as every symbol does (13/2023/NĐ-CP, 57-NQ/TW); "và/hoặc" does not.
    [GeneratedRegex(@"^\d{1,5}[A-Za-z]?[/-][\p{L}\d/.-]*/[\p{L}\d.-]+$|^\d{1,5}[A-Za-z]?/[\p{L}\d.-]+$")]
    private static partial Regex SymbolShape();
}
