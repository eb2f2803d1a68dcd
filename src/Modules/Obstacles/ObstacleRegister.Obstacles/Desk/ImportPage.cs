using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Obstacles.Attachments;
using ObstacleRegister.Obstacles.Import;
using ObstacleRegister.Pages;

namespace ObstacleRegister.Obstacles.Desk;

/// <summary>The import page: the form, and after an upload what it did or, row by row, why it was refused.</summary>
internal sealed record ImportPageModel(PageForm Form, ObstacleImportReport? Report = null, IReadOnlyList<ImportRowError>? RowErrors = null);

/// <summary><c>/desk/imports</c>: the spreadsheet template in the page's language, and the API's import of a filled one.</summary>
internal static class ImportPage
{
    public const string Path = "/desk/imports";

    public static void MapImportPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (Delegate)((HttpContext http) => StaffPages.Render<Pages.ImportsPage>(http, new ImportPageModel(PageForm.Empty)))).StaffPage(Roles.Reporter);
        app.MapGet(Path + "/template.{format}", (string format) =>
            {
                var culture = CultureInfo.CurrentUICulture;
                return format == "csv"
                    ? Results.File(ImportTemplate.Csv(culture), ImportTemplate.CsvType, ImportTemplate.FileName(culture, ".csv"))
                    : Results.File(ImportTemplate.Xlsx(culture), ImportTemplate.XlsxType, ImportTemplate.FileName(culture, ".xlsx"));
            })
            .StaffPage(Roles.Reporter);
        app.MapPost(Path, Import).StaffPage(Roles.Reporter).WithMetadata(new BodySizeLimit(ImportUpload.MaxRequestBytes));
    }

    private static async Task<IResult> Import(IFormCollection form, HttpContext http, IMediator mediator, IServiceScopeFactory scopes, CancellationToken ct)
    {
        var input = PageForm.Of(form);
        try
        {
            var upload = await ImportUpload.BindAsync(http) ?? throw RequestValidationException.For("file", "");
            var report = await ObstacleImport.Run(upload, input.Value("partial") == "true", mediator, scopes, ct);
            return await StaffPages.Render<Pages.ImportsPage>(http, new ImportPageModel(input, report, report.Errors));
        }
        catch (ProblemException problem) when (problem.Status is >= 400 and < 500 and not 404)
        {
            var rowErrors = problem.Extensions.TryGetValue("rowErrors", out var rows) ? rows as IReadOnlyList<ImportRowError> : null;
            return await StaffPages.Render<Pages.ImportsPage>(http, new ImportPageModel(input.Refused(problem), null, rowErrors), problem.Status);
        }
    }
}
