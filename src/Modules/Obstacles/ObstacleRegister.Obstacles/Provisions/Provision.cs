using System.Globalization;
using System.Text.RegularExpressions;
using ObstacleRegister.BuildingBlocks.Text;

namespace ObstacleRegister.Obstacles.Provisions;

/// <summary>
/// A cited provision, read from how people write it: "Điều 5, khoản 2, điểm a", "điểm a khoản 2 Điều 5",
/// "Article 5(2)(a)". The article is required (Decision 48/2025/QĐ-TTg asks every report to name it).
/// </summary>
internal sealed partial record Provision(int Article, int? Clause, string? Point)
{
    public const int MaxLength = 200;

    public static Provision? Parse(string text)
    {
        var folded = VietnameseText.Fold(text);
        var article = ArticlePattern().Match(folded);
        if (!article.Success)
        {
            return null;
        }

        var number = int.Parse(article.Groups["article"].Value, CultureInfo.InvariantCulture);
        var clause = ClausePattern().Match(folded) is { Success: true } c ? c.Groups["clause"].Value
            : article.Groups["clause"].Success ? article.Groups["clause"].Value : null;
        var point = PointPattern().Match(folded) is { Success: true } p ? p.Groups["point"].Value
            : article.Groups["point"].Success ? article.Groups["point"].Value : null;
        return new Provision(number, clause is null ? null : int.Parse(clause, CultureInfo.InvariantCulture), point);
    }

    /// <summary>Folded text without its provision words (<c>dieu 5</c>, <c>khoan 2</c>, <c>diem a</c>), so the rest can be searched as words.</summary>
    public static string Without(string foldedText) =>
        PointPattern().Replace(ClausePattern().Replace(ArticlePattern().Replace(foldedText, " "), " "), " ");

    [GeneratedRegex(@"\b(?:dieu|article|art\.?)\s*(?<article>\d{1,4})(?:\s*\((?<clause>\d{1,3})\)(?:\s*\((?<point>[a-z])\))?)?")]
    private static partial Regex ArticlePattern();

    [GeneratedRegex(@"\bkhoan\s*(?<clause>\d{1,3})")]
    private static partial Regex ClausePattern();

    [GeneratedRegex(@"\bdiem\s*(?<point>[a-z])\b")]
    private static partial Regex PointPattern();
}
