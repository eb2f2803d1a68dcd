using System.IO.Compression;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ObstacleRegister.Tests.Api.Obstacles;

/// <summary>Spreadsheets as units make them, built with the same libraries the register reads them with.</summary>
internal static class Spreadsheets
{
    /// <summary>The template as downloaded, its first sheet filled in under the header the way Excel stores text: shared strings.</summary>
    public static byte[] Fill(byte[] template, IEnumerable<string?[]> rows)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var shared = workbook.SharedStringTablePart ?? workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable ??= new SharedStringTable();
            var first = workbook.Workbook.Sheets!.Elements<Sheet>().First();
            var data = ((WorksheetPart)workbook.GetPartById(first.Id!)).Worksheet.GetFirstChild<SheetData>()!;
            var number = 2u;
            foreach (var values in rows)
            {
                var row = new Row { RowIndex = number };
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] is null)
                    {
                        continue;
                    }

                    shared.SharedStringTable.Append(new SharedStringItem(new Text(values[i]!)));
                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + i)}{number}",
                        DataType = CellValues.SharedString,
                        CellValue = new CellValue(shared.SharedStringTable.ChildElements.Count - 1),
                    });
                }

                data.Append(row);
                number++;
            }
        }

        return stream.ToArray();
    }

    /// <summary>A one-sheet workbook of inline strings; the cells in <paramref name="formulas"/> ("C2") hold a formula with a cached text.</summary>
    public static byte[] Xlsx(IReadOnlyList<string?[]> rows, params string[] formulas)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)r + 1 };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    if (rows[r][c] is not { } value)
                    {
                        continue;
                    }

                    row.Append(formulas.Contains(reference)
                        ? new Cell(new CellFormula("CONCAT(\"Quy định \",\"mới\")"), new CellValue(value)) { CellReference = reference, DataType = CellValues.String }
                        : new Cell(new InlineString(new Text(value))) { CellReference = reference, DataType = CellValues.InlineString });
                }

                data.Append(row);
            }

            part.Worksheet = new Worksheet(data);
            workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Sheet1" });
        }

        return stream.ToArray();
    }

    /// <summary>CSV as Excel's "CSV UTF-8" saves it: with a BOM, CRLF, quoted where needed.</summary>
    public static byte[] Csv(IEnumerable<string?[]> rows, char separator = ',')
    {
        using var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, new CsvWriterOptions { WriteByteOrderMark = true, Separator = separator, ValidateFieldCount = false }, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                csv.WriteRecord([.. row.Select(v => v ?? "")]);
            }
        }

        return bytes.ToArray();
    }

    /// <summary>A zip whose one part unpacks to <paramref name="bytes"/> of spaces: small to send, huge to open.</summary>
    public static byte[] Bomb(long bytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var workbook = zip.CreateEntry("xl/workbook.xml").Open())
            {
                workbook.Write("<workbook/>"u8);
            }

            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            var spaces = Encoding.ASCII.GetBytes(new string(' ', 1024 * 1024));
            for (long written = 0; written < bytes; written += spaces.Length)
            {
                sheet.Write(spaces);
            }
        }

        return buffer.ToArray();
    }
}
