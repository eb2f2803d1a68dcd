using System.IO.Compression;
using System.Text;

namespace ObstacleRegister.Obstacles.Attachments;

/// <summary>
/// What a file is, read from its first bytes (and, for the zip-based office formats, from the names of its parts),
/// never from its name: PDF, DOCX, XLSX, ODT, PNG and JPEG. Zip parts are listed from the central directory and only
/// the tiny ODF <c>mimetype</c> part is read, so a zip bomb is never inflated.
/// </summary>
internal static class EvidenceTypes
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Odt = "application/vnd.oasis.opendocument.text";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The file's type, or null when it is none of the accepted ones.</summary>
    public static string? Of(byte[] content)
    {
        var span = content.AsSpan();
        return span.StartsWith(PdfMagic) ? Pdf
            : span.StartsWith(PngMagic) ? Png
            : span.StartsWith(JpegMagic) ? Jpeg
            : span.StartsWith(ZipMagic) ? OfficeDocument(content)
            : null;
    }

    /// <summary>The extension a downloaded file of that type carries.</summary>
    public static string Extension(string type) => type switch
    {
        Pdf => ".pdf",
        Docx => ".docx",
        Xlsx => ".xlsx",
        Odt => ".odt",
        Png => ".png",
        _ => ".jpg",
    };

    private static string? OfficeDocument(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (names.Contains("[Content_Types].xml") && names.Contains("word/document.xml"))
            {
                return Docx;
            }

            if (names.Contains("[Content_Types].xml") && names.Contains("xl/workbook.xml"))
            {
                return Xlsx;
            }

            return zip.GetEntry("mimetype") is { Length: < 100 } mimetype && ReadSmall(mimetype) == Odt ? Odt : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string ReadSmall(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var buffer = new byte[100];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.ASCII.GetString(buffer, 0, length).Trim();
    }
}
