using System.Globalization;
using System.Text;

namespace ObstacleRegister.BuildingBlocks.Text;

/// <summary>
/// Folds Vietnamese text to the form users type without diacritics: lower case, marks removed, and
/// <c>đ</c>/<c>Đ</c> mapped to <c>d</c> explicitly, because U+0110/U+0111 do not decompose to D plus a mark.
/// </summary>
public static class VietnameseText
{
    /// <summary>Longest search term kept; longer words are cut so the index column stays bounded.</summary>
    public const int MaxTermLength = 64;

    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            folded.Append(c switch
            {
                // Đ đ, and the look-alike Ð (U+00D0) that some keyboards and OCR produce in its place.
                '\u0110' or '\u0111' or '\u00D0' or '\u00F0' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The distinct folded words of a text, in first-seen order: what the search index stores.</summary>
    public static IReadOnlyList<string> Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var term = folded[start..Math.Min(i, start + MaxTermLength)];
                if (seen.Add(term))
                {
                    terms.Add(term);
                }

                start = -1;
            }
        }

        return terms;
    }

    /// <summary>
    /// The words of a search query: its folded terms, less a one-letter last word that follows others. The
    /// last word is matched as a prefix, and one letter narrows nothing while it costs a scan of every word
    /// that starts with it.
    /// </summary>
    public static IReadOnlyList<string> SearchTerms(string? query)
    {
        var terms = Terms(query);
        return terms.Count > 1 && terms[^1].Length == 1 ? terms.Take(terms.Count - 1).ToList() : terms;
    }

    /// <summary>
    /// The exclusive upper bound of every string that starts with <paramref name="prefix"/>, so a prefix
    /// match can be an index range (<c>term &gt;= @From AND term &lt; @To</c>) on any engine and collation.
    /// </summary>
    public static string PrefixUpperBound(string prefix) =>
        prefix[..^1] + (char)(prefix[^1] + 1);
}
