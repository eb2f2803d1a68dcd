using Microsoft.AspNetCore.Http;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Validation;

namespace ObstacleRegister.Obstacles;

/// <summary>The one file of an upload: <c>multipart/form-data</c> with the file in the field <c>file</c>.</summary>
internal static class UploadedFiles
{
    /// <summary>What the multipart framing around the file may add to an upload's request limit.</summary>
    public const long Framing = 64 * 1024;

    /// <summary>The file's name as sent and its bytes; 415 for another kind of body, 413 past <paramref name="maxBytes"/>, 400 for none or an empty one.</summary>
    public static async Task<(string FileName, byte[] Content)> Read(HttpRequest request, long maxBytes, string tooLargeDetail, CancellationToken ct)
    {
        RequestBodies.EnsureSent(request);
        if (!request.HasFormContentType || request.GetTypedHeaders().ContentType?.MediaType.Value != "multipart/form-data")
        {
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported media type",
                Say.Text("Problem.Detail.SendMultipart"));
        }

        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? throw RequestValidationException.For("file", Say.Text("Validation.Required", "file"));
        if (file.Length > maxBytes)
        {
            throw new ProblemException(StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "File too large",
                Say.Text(tooLargeDetail, maxBytes / (1024 * 1024)));
        }

        if (file.Length == 0)
        {
            throw RequestValidationException.For("file", Say.Text("Validation.Empty", "file"));
        }

        using var copy = new MemoryStream((int)file.Length);
        await file.CopyToAsync(copy, ct);
        return (file.FileName, copy.ToArray());
    }
}
