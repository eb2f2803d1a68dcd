using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ObstacleRegister.Obstacles.Import;

/// <summary>
/// Reads the first worksheet of an XLSX with the Open XML SDK, row by row (never the whole sheet as a tree). Values are
/// read as the cells store them; a cell holding a formula is marked so its row can be refused rather than its cached
/// result taken for something a person typed.
/// </summary>
internal static class XlsxSheet
{
    /// <summary>What one part may hold once unpacked, enforced by the SDK as it reads, whatever the zip declared.</summary>
    private const long MaxCharactersInPart = 64L * 1024 * 1024;

    public static ImportSheet Read(byte[] content)
    {
        ImportSheets.EnsureWorkbook(content);
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false,
                new OpenSettings { MaxCharactersInPart = MaxCharactersInPart, AutoSave = false });
            var workbook = document.WorkbookPart ?? throw ImportSheets.Unsupported("Problem.Detail.ImportType");
            var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Id?.Value is not null)
                ?? throw ImportSheets.Unreadable("Validation.ImportNoHeader");
            if (workbook.GetPartById(first.Id!.Value!) is not WorksheetPart sheet)
            {
                throw ImportSheets.Unreadable("Validation.ImportNoHeader");
            }

            return Rows(sheet, SharedStrings(workbook));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or XmlException or InvalidDataException or InvalidOperationException)
        {
            throw IsOverLimit(ex) ? ImportSheets.Unpacked() : ImportSheets.Unreadable("Validation.ImportUnreadable");
        }
    }

    private static bool IsOverLimit(Exception ex) =>
        ex.Message.Contains("MaxCharactersInPart", StringComparison.OrdinalIgnoreCase)
        || ex.InnerException?.Message.Contains("MaxCharactersInPart", StringComparison.OrdinalIgnoreCase) == true;

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(Text((SharedStringItem)reader.LoadCurrentElement()!));
            }
        }

        return strings;
    }

    /// <summary>The text of a shared or inline string: its plain text, or its rich runs joined, never its phonetic hints.</summary>
    private static string Text(OpenXmlCompositeElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    private static ImportSheet Rows(WorksheetPart part, List<string> shared)
    {
        var sheet = new ImportSheetBuilder();
        using var reader = OpenXmlReader.Create(part);
        var number = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            number = row.RowIndex?.Value is { } index ? (int)Math.Min(index, int.MaxValue) : number + 1;
            var (cells, formulas) = Cells(row, shared);
            sheet.Add(number, cells, formulas);
        }

        return sheet.Build();
    }

    private static (List<string?> Cells, HashSet<int> Formulas) Cells(Row row, List<string> shared)
    {
        var cells = new List<string?>();
        var formulas = new HashSet<int>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
            if (column < 0 || column >= 16_384)
            {
                continue;
            }

            while (cells.Count <= column)
            {
                cells.Add(null);
            }

            cells[column] = Value(cell, shared);
            if (cell.CellFormula is not null)
            {
                formulas.Add(column);
            }
        }

        return (cells, formulas);
    }

    private static string? Value(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i)
                && i >= 0 && i < shared.Count ? shared[i] : null;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? Text(inline) : null;
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw;
        }

        return raw;
    }

    /// <summary>"C12" is column 2 (A is 0); -1 for a reference that is not one.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
                letters++;
                if (letters > 3)
                {
                    return -1;
                }
            }
            else
            {
                break;
            }
        }

        return letters == 0 ? -1 : index - 1;
    }
}
