using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using ObstacleRegister.BuildingBlocks.Idempotency;

namespace ObstacleRegister.Obstacles.Import;

/// <summary>The form an import sends.</summary>
/// <param name="File">The sheet: XLSX, or CSV in UTF-8 (with or without BOM); up to 10 MB and 5,000 rows.</param>
internal sealed record ImportUploadForm(IFormFile? File);

/// <summary>
/// The uploaded sheet, bound before the endpoint's filters run so a repeated <c>Idempotency-Key</c> is checked against
/// the file's bytes, not just the path.
/// </summary>
internal sealed record ImportUpload(string FileName, byte[] Content) : IIdempotencyFingerprint
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public const long MaxRequestBytes = MaxFileBytes + UploadedFiles.Framing;

    public string Fingerprint { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));

    public static async ValueTask<ImportUpload?> BindAsync(HttpContext context)
    {
        var (name, content) = await UploadedFiles.Read(context.Request, MaxFileBytes, "Problem.Detail.ImportTooLarge", context.RequestAborted);
        return new ImportUpload(name, content);
    }
}
