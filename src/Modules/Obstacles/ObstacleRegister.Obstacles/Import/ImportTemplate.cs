using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Obstacles.Import;

/// <summary>
/// The sheet a unit fills in: headers in the reader's language, drop-down lists of the allowed choices, the symbol and
/// provision columns formatted as text (so Excel never turns "01/2024" into a date), and a guide to every column.
/// </summary>
internal static class ImportTemplate
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string CsvType = "text/csv; charset=utf-8";

    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;

    /// <summary>Rows the drop-down lists cover: the import's limit under the header.</summary>
    private const int ListedRows = ImportSheets.MaxRows + 1;

    public static string FileName(CultureInfo culture, string extension) => Say.In(culture, "Import.FileName") + extension;

    public static byte[] Csv(CultureInfo culture)
    {
        using var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteRecord([.. ImportColumns.Template.Select(c => c.Header(culture))]);
        }

        return bytes.ToArray();
    }

    public static byte[] Xlsx(CultureInfo culture)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var listsName = Say.In(culture, "Import.ListsSheet");
            AddSheet(workbook, Say.In(culture, "Import.Sheet"), ObstaclesSheet(culture, listsName));
            AddSheet(workbook, listsName, ListsSheet(culture));
            AddSheet(workbook, Say.In(culture, "Import.GuideSheet"), GuideSheet(culture));
        }

        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, string name, Worksheet worksheet)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    private static Worksheet ObstaclesSheet(CultureInfo culture, string listsName)
    {
        var template = ImportColumns.Template;
        var columns = new Columns(template.Select((c, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, Width = Width(c), CustomWidth = true, Style = c.Pair is null ? null : TextStyle,
        }));
        var validations = new DataValidations();
        foreach (var (column, choices) in ImportColumns.Enumerated)
        {
            var letter = Letter(template.ToList().IndexOf(column));
            var listColumn = Letter(ImportColumns.Enumerated.ToList().FindIndex(e => e.Column == column));
            validations.Append(new DataValidation
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowErrorMessage = true,
                ErrorTitle = Say.In(culture, "Import.ChoiceErrorTitle"),
                Error = Say.In(culture, "Import.ChoiceError"),
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}{ListedRows}" },
                Formula1 = new Formula1($"'{listsName}'!${listColumn}$2:${listColumn}${choices(culture).Count + 1}"),
            });
        }

        validations.Count = (uint)validations.ChildElements.Count;
        var frozen = new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 });
        return new Worksheet(frozen, columns, new SheetData(Row(1, template.Select(c => c.Header(culture)), HeaderStyle)), validations);
    }

    private static Worksheet ListsSheet(CultureInfo culture)
    {
        var lists = ImportColumns.Enumerated.Select(e => (Header: e.Column.Header(culture), Choices: e.Choices(culture))).ToList();
        var rows = new SheetData(Row(1, lists.Select(l => l.Header), HeaderStyle));
        for (var i = 0; i < lists.Max(l => l.Choices.Count); i++)
        {
            rows.Append(Row((uint)i + 2, lists.Select(l => i < l.Choices.Count ? l.Choices[i] : ""), null));
        }

        return new Worksheet(new Columns(lists.Select((_, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = 28, CustomWidth = true })), rows);
    }

    private static Worksheet GuideSheet(CultureInfo culture)
    {
        string[] headers = ["Import.Guide.Column", "Import.Guide.Required", "Import.Guide.Meaning"];
        var rows = new SheetData(Row(1, headers.Select(k => Say.In(culture, k)), HeaderStyle));
        var index = 2u;
        foreach (var column in ImportColumns.Template.Where(c => c.Pair is null or 1))
        {
            var required = ImportColumns.Required.Contains(column);
            var guide = Say.In(culture, "Import.Guide." + (column.Pair is null ? column.Key : column.Key[..column.Key.LastIndexOf('_')]));
            rows.Append(Row(index++, [column.Header(culture), Say.In(culture, required ? "Import.Guide.Yes" : "Import.Guide.No"), guide], null));
        }

        var widths = new Columns(
            new Column { Min = 1, Max = 1, Width = 24, CustomWidth = true },
            new Column { Min = 2, Max = 2, Width = 10, CustomWidth = true },
            new Column { Min = 3, Max = 3, Width = 90, CustomWidth = true });
        return new Worksheet(widths, rows);
    }

    private static Row Row(uint number, IEnumerable<string> values, uint? style) =>
        new(values.Select((v, i) => new Cell
        {
            CellReference = $"{Letter(i)}{number}",
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(v)),
            StyleIndex = style,
        })) { RowIndex = number };

    private static double Width(ImportColumn column) => column.Key switch
    {
        "title" => 40,
        "description" or "impact" => 60,
        _ => 22,
    };

    /// <summary>Column letters from 0: A … Z, AA … (the template never passes Z).</summary>
    private static string Letter(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + (index / 26) - 1)}{(char)('A' + (index % 26))}";

    /// <summary>The least stylesheet Excel accepts, plus a bold header and a text format (number format 49, "@").</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true }) { Count = 3 });
}
