using System.Text;
using Microsoft.AspNetCore.Http;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Validation;

namespace ObstacleRegister.Obstacles.Attachments;

/// <summary>The form an evidence upload sends.</summary>
/// <param name="File">The file: PDF, DOCX, XLSX, ODT, PNG or JPEG, up to 10 MB.</param>
internal sealed record EvidenceUploadForm(IFormFile? File);

/// <summary>An endpoint's own request body limit, where it takes more than the API's 1 MB.</summary>
internal sealed class BodySizeLimit(long bytes) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => bytes;
}

/// <summary>Reads the one file of an evidence upload (<c>multipart/form-data</c>, field <c>file</c>) and decides what it is.</summary>
internal static class EvidenceUpload
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The request's limit: the file and the multipart framing around it.</summary>
    public const long MaxRequestBytes = MaxFileBytes + UploadedFiles.Framing;

    public const int MaxFileName = 200;

    public static async Task<EvidenceFile> Read(HttpRequest request, CancellationToken ct)
    {
        var (name, content) = await UploadedFiles.Read(request, MaxFileBytes, "Problem.Detail.EvidenceTooLarge", ct);
        var type = EvidenceTypes.Of(content) ?? throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType,
            "Unsupported media type", Say.Text("Problem.Detail.EvidenceType"));
        return new EvidenceFile(FileName(name, type), type, content);
    }

    /// <summary>The uploaded name without folders or control characters, shortened; a name of nothing becomes "evidence".</summary>
    private static string FileName(string uploaded, string type)
    {
        var name = new StringBuilder();
        foreach (var c in Path.GetFileName(uploaded.Replace('\\', '/')))
        {
            if (!char.IsControl(c) && c is not ('"' or '/' or '\\'))
            {
                name.Append(c);
            }
        }

        var text = name.ToString().Trim();
        text = text.Length == 0 ? "evidence" + EvidenceTypes.Extension(type) : text;
        return text.Length <= MaxFileName ? text : text[..MaxFileName];
    }
}
