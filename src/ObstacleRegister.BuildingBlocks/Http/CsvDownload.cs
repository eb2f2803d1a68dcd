using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using ObstacleRegister.BuildingBlocks.Text;

namespace ObstacleRegister.BuildingBlocks.Http;

/// <summary>
/// CSV for the spreadsheets people keep: UTF-8 with a byte order mark (so Vietnamese shows correctly in Excel), CRLF
/// lines, every cell escaped by <see cref="CsvCell"/> so no text runs as a formula. A list streams every row its filters
/// match, page after page of the same keyset query, so memory stays flat whatever the register's size.
/// </summary>
public static class CsvDownload
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Rows fetched per query while a list streams.</summary>
    public const int PageSize = 500;

    /// <summary>One page of rows and the cursor of the next, null after the last.</summary>
    public delegate Task<(IReadOnlyList<IReadOnlyList<string?>> Rows, string? Next)> NextPage(string? cursor, CancellationToken ct);

    /// <summary>A date as spreadsheets sort it, the same in every language.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant to the second, with its offset, as spreadsheets sort it.</summary>
    public static string Instant(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    public static bool IsWanted(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Reads the first page before answering, so a bad filter is still a problem response; then streams the rest.
    /// </summary>
    public static async Task<IResult> Stream(string fileName, IReadOnlyList<string> header, NextPage next, CancellationToken ct)
    {
        var first = await next(null, ct);
        return new StreamedCsv(fileName, header, first, next);
    }

    private sealed class StreamedCsv(
        string fileName, IReadOnlyList<string> header, (IReadOnlyList<IReadOnlyList<string?>> Rows, string? Next) first, NextPage next) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            var ct = httpContext.RequestAborted;
            response.ContentType = ContentType;
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName }.ToString();
            await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
            await WriteLine(writer, header);
            var page = first;
            while (true)
            {
                foreach (var row in page.Rows)
                {
                    await WriteLine(writer, row);
                }

                await writer.FlushAsync(ct);
                if (page.Next is null)
                {
                    return;
                }

                page = await next(page.Next, ct);
            }
        }

        private static Task WriteLine(StreamWriter writer, IEnumerable<string?> cells) =>
            writer.WriteAsync(string.Join(',', cells.Select(CsvCell.Escape)) + "\r\n");
    }
}
