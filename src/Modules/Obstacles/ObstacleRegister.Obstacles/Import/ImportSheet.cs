using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Validation;

namespace ObstacleRegister.Obstacles.Import;

/// <summary>One row of a sheet as read: its number as a spreadsheet program shows it, its cells by column, and which hold formulas.</summary>
internal sealed record ImportSheetRow(int Number, IReadOnlyList<string?> Cells, IReadOnlySet<int> Formulas);

/// <summary>A sheet as read from the uploaded file: the header row and the rows under it that hold anything.</summary>
internal sealed record ImportSheet(IReadOnlyList<string?> Headers, IReadOnlyList<ImportSheetRow> Rows);

/// <summary>
/// Collects a sheet's rows as a reader meets them: blank rows are skipped, the first that holds anything is the
/// header, and the reading stops at the row past the import's limit.
/// </summary>
internal sealed class ImportSheetBuilder
{
    private readonly List<ImportSheetRow> rows = [];
    private IReadOnlyList<string?>? headers;

    public void Add(int number, IReadOnlyList<string?> cells, IReadOnlySet<int> formulas)
    {
        if (ImportSheets.IsBlank(cells))
        {
            return;
        }

        if (headers is null)
        {
            headers = cells;
            return;
        }

        if (rows.Count == ImportSheets.MaxRows)
        {
            throw ImportSheets.TooManyRows();
        }

        rows.Add(new ImportSheetRow(number, cells, formulas));
    }

    public ImportSheet Build() => new(headers ?? throw ImportSheets.Unreadable("Validation.ImportNoHeader"), rows);
}

/// <summary>
/// Tells an uploaded spreadsheet by its content, not its name, and reads it: XLSX (a zip with a workbook in it) or CSV
/// (UTF-8 text, with or without BOM). Anything else, and anything built to exhaust the reader, is refused before it is
/// read further: 415 for another kind of file, 413 for one that unpacks too large, 400 for too many rows.
/// </summary>
internal static class ImportSheets
{
    public const int MaxRows = 5000;

    /// <summary>All the parts of an XLSX together, unpacked: a 10 MB upload of ordinary text stays far below it.</summary>
    public const long MaxUnpackedBytes = 128L * 1024 * 1024;

    /// <summary>Excel's own limit for one cell; a longer one was not made by a spreadsheet program.</summary>
    public const int MaxCellCharacters = 32_767;

    private static ReadOnlySpan<byte> Zip => "PK\u0003\u0004"u8;

    private static ReadOnlySpan<byte> Compound => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static ImportSheet Read(byte[] content)
    {
        if (content.AsSpan().StartsWith(Zip))
        {
            return XlsxSheet.Read(content);
        }

        if (content.AsSpan().StartsWith(Compound))
        {
            // The format of Excel 97–2003, and of any password-protected workbook.
            throw Unsupported("Problem.Detail.ImportLegacyExcel");
        }

        if (Attachments.EvidenceTypes.Of(content) is not null)
        {
            // A PDF, an image or a document renamed: PDF is text enough to pass for a CSV of one strange column.
            throw Unsupported("Problem.Detail.ImportType");
        }

        return CsvSheet.Read(Utf8Text(content));
    }

    /// <summary>The parts of a zip, checked by what its directory declares before anything is inflated.</summary>
    public static void EnsureWorkbook(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("xl/workbook.xml") is null && !zip.Entries.Any(e => e.FullName.EndsWith("/workbook.xml", StringComparison.Ordinal)))
            {
                throw Unsupported("Problem.Detail.ImportType");
            }

            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                throw Unpacked();
            }
        }
        catch (InvalidDataException)
        {
            throw Unsupported("Problem.Detail.ImportType");
        }
    }

    public static ProblemException Unpacked() =>
        new(StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "Spreadsheet too large",
            Say.Text("Problem.Detail.ImportUnpacked", MaxUnpackedBytes / (1024 * 1024)));

    public static ProblemException Unsupported(string detail) =>
        new(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported media type", Say.Text(detail));

    public static RequestValidationException TooManyRows() =>
        RequestValidationException.For("file", Say.Text("Validation.ImportRows", MaxRows));

    public static RequestValidationException Unreadable(string key, params object?[] args) =>
        RequestValidationException.For("file", Say.Text(key, args));

    /// <summary>
    /// UTF-8, strictly: a file saved in Windows-1258 or UTF-16 would otherwise turn every Vietnamese letter into
    /// replacement characters, stored as if they had been typed. A NUL is never in a text file.
    /// </summary>
    private static string Utf8Text(byte[] content)
    {
        if (content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw Unsupported("Problem.Detail.ImportEncoding");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw Unsupported("Problem.Detail.ImportEncoding");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw Unsupported("Problem.Detail.ImportType");
        }

        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary>A row with no value at all is a row a spreadsheet program formatted, not one somebody wrote.</summary>
    public static bool IsBlank(IReadOnlyList<string?> cells) => cells.All(string.IsNullOrWhiteSpace);
}
