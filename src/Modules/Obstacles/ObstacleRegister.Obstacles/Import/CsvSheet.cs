using CsvHelper;

namespace ObstacleRegister.Obstacles.Import;

/// <summary>
/// Reads CSV with CsvHelper: comma, semicolon or tab detected from the first lines (as Excel saves it in a Vietnamese or
/// European locale, or with a <c>sep=;</c> line), quoted cells over several lines. Rows are numbered by record, header
/// first, as a spreadsheet program shows the file. A cell is text, whatever it starts with: nothing here runs a formula.
/// </summary>
internal static class CsvSheet
{
    /// <summary>The longest record the reader grows its buffer for: an unclosed quote at the start cannot swallow the file.</summary>
    private const int MaxRecordBytes = 1024 * 1024;

    private static readonly IReadOnlySet<int> NoFormulas = new HashSet<int>();

    public static ImportSheet Read(string text)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            MalformedData = CsvMalformedDataHandling.Throw,
            MaxRecordSize = MaxRecordBytes,
            DetectSeparatorHint = true,
            IncludeValuesInExceptions = false,
        };

        var sheet = new ImportSheetBuilder();
        var number = 0;
        try
        {
            using var reader = CsvReader.FromText(text, options);
            while (reader.Read())
            {
                number++;
                var cells = new string?[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = reader.GetString(i);
                    if (cells[i]!.Length > ImportSheets.MaxCellCharacters)
                    {
                        throw ImportSheets.Unreadable("Validation.ImportCellTooLong", ImportSheets.MaxCellCharacters);
                    }
                }

                sheet.Add(number, cells, NoFormulas);
            }
        }
        catch (CsvFormatException malformed)
        {
            throw ImportSheets.Unreadable("Validation.ImportMalformedCsv", malformed.RecordNumber > 0 ? malformed.RecordNumber : number + 1);
        }

        return sheet.Build();
    }
}
