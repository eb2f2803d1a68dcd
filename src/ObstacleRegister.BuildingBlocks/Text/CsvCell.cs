namespace ObstacleRegister.BuildingBlocks.Text;

/// <summary>
/// One CSV cell that a spreadsheet program opens as text, never as a formula (CSV injection). A value whose first
/// visible character starts a formula (<c>= + - @</c>, their full-width forms, or a tab or carriage return), after any
/// spaces and zero-width characters, is prefixed with an apostrophe; a value holding a separator a spreadsheet may split
/// on (comma, semicolon, tab), a quote or a line break is quoted, so <c>x;=1+1</c> stays one cell.
/// </summary>
public static class CsvCell
{
    private static readonly System.Buffers.SearchValues<char> NeedsQuotes = System.Buffers.SearchValues.Create(",;\"\r\n\t");

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var safe = StartsFormula(value) ? "'" + value : value;
        return safe.AsSpan().IndexOfAny(NeedsQuotes) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    private static bool StartsFormula(string value)
    {
        foreach (var c in value)
        {
            if (c is ' ' or '\u00A0' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF')
            {
                continue;
            }

            return c is '=' or '+' or '-' or '@' or '\t' or '\r' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';
        }

        return false;
    }
}
