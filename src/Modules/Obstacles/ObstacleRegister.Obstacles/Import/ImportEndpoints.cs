using System.Globalization;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Idempotency;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Obstacles.Attachments;

namespace ObstacleRegister.Obstacles.Import;

/// <summary>Spreadsheet intake: the template to fill in, and the import of a filled one.</summary>
internal static class ImportEndpoints
{
    public static void MapImports(this RouteGroupBuilder obstacles)
    {
        obstacles.MapGet("/import-template", (string? format, HttpResponse response) =>
            {
                var culture = CultureInfo.CurrentUICulture;
                response.Headers.Vary = "Accept-Language";
                return (format ?? "xlsx").ToLowerInvariant() switch
                {
                    "xlsx" => Results.File(ImportTemplate.Xlsx(culture), ImportTemplate.XlsxType, ImportTemplate.FileName(culture, ".xlsx")),
                    "csv" => Results.File(ImportTemplate.Csv(culture), ImportTemplate.CsvType, ImportTemplate.FileName(culture, ".csv")),
                    _ => throw RequestValidationException.For("format", Say.Text("Validation.ImportFormat")),
                };
            })
            .WithName("GetObstacleImportTemplate")
            .WithSummary("The spreadsheet template for importing obstacles")
            .WithDescription("Any key. format=xlsx (default) or csv. The headers are in the answer's language (Accept-Language); an " +
                "import reads them in either language, or by their keys (title, description, category, severity, proposal, impact, " +
                "contact, regulation_1, provision_1 … up to regulation_20, provision_20). The XLSX has drop-down lists of the allowed " +
                "categories, severities and proposals, text-formatted symbol and provision columns, and a guide sheet.")
            .Produces<Stream>(StatusCodes.Status200OK, ImportTemplate.XlsxType, "text/csv")
            .ProducesValidationProblem();

        obstacles.MapPost("/imports", async (ImportUpload upload, bool? partial, IMediator mediator, IServiceScopeFactory scopes, CancellationToken ct) =>
                TypedResults.Ok(await ObstacleImport.Run(upload, partial ?? false, mediator, scopes, ct)))
            .AcceptsIdempotencyKey()
            .RequireAuthorization(p => p.RequireRole(Roles.Reporter))
            .WithMetadata(new BodySizeLimit(ImportUpload.MaxRequestBytes))
            .Accepts<ImportUploadForm>("multipart/form-data")
            .WithName("ImportObstacles")
            .WithSummary("Import obstacles from a spreadsheet")
            .WithDescription("Reporters, for their own unit. multipart/form-data with the sheet in the field file: XLSX (its first " +
                "worksheet) or CSV in UTF-8 with or without BOM (comma, semicolon or tab), up to 10 MB (413 beyond) and 5,000 rows, " +
                "told by content (415 for another kind of file, a legacy .xls or a CSV in another encoding). Every row passes the " +
                "rules of POST /api/v1/obstacles, citing regulations by symbol typed either way (13/2023/ND-CP finds 13/2023/NĐ-CP) " +
                "and choices by value or label in either language. All or nothing: one bad row and nothing is written, 400 with " +
                "errors keyed rows[N].column and rowErrors (row, column, header, reason). partial=true imports the valid rows and " +
                "reports the others. One transaction. A cell holding a formula is refused. Send an Idempotency-Key to retry safely.")
            .Produces<ObstacleImportReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
