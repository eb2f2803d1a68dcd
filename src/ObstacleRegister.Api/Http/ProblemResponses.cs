using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ObstacleRegister.BuildingBlocks.Errors;

namespace ObstacleRegister.Api.Http;

internal static class ProblemResponses
{
    public static ProblemDetails Validation(IReadOnlyDictionary<string, string[]> errors, string detail) =>
        new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemTypes.Validation,
            Title = "One or more fields are invalid",
            Detail = detail,
        };

    public static ProblemDetails From(ProblemException exception)
    {
        var problem = Simple(exception.Status, exception.Type, exception.Title, exception.Message);
        foreach (var (key, value) in exception.Extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    public static ProblemDetails Simple(int status, string type, string title, string detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };

    public static string Detail(this RequestValidationException exception) =>
        exception.Errors.Count == 1 ? exception.Errors.First().Value[0] : exception.Message;

    /// <summary>Every problem carries the trace id, so a report from an integrator can be found in the logs.</summary>
    public static void AddTraceId(ProblemDetailsContext context)
    {
        context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
    }
}
