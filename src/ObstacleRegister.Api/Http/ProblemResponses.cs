using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;

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

    public static ProblemDetails From(ProblemException exception) =>
        WithExtensions(Simple(exception.Status, exception.Type, exception.Title, exception.Message), exception);

    /// <summary>What a problem says beyond the standard members (<c>currentStatus</c>, an import's <c>rowErrors</c>).</summary>
    public static ProblemDetails WithExtensions(ProblemDetails problem, ProblemException exception)
    {
        foreach (var (key, value) in exception.Extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    public static ProblemDetails Simple(int status, string type, string title, string detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };

    public static string Detail(this RequestValidationException exception) =>
        exception.Errors.Count == 1 && !exception.HasOwnDetail ? exception.Errors.First().Value[0] : exception.Message;

    /// <summary>A client over the public pages' rate limit: 429 with how long to wait.</summary>
    public static async ValueTask WriteTooManyRequests(OnRejectedContext context, CancellationToken ct)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = Simple(StatusCodes.Status429TooManyRequests, ProblemTypes.TooManyRequests, "Too many requests",
                Say.Text("Problem.Detail.TooManyRequests", seconds)),
        });
    }

    /// <summary>
    /// Every problem carries the trace id, so a report from an integrator can be found in the logs; one the framework
    /// answered by itself (no route, a method the path does not take, a body that is not JSON) gets the register's
    /// type like every other, not the RFC's link.
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        problem.Instance ??= context.HttpContext.Request.Path;
        context.HttpContext.Response.Headers.ContentLanguage = Say.Language;
        if (problem.Type is null || !problem.Type.StartsWith(ProblemTypes.Prefix, StringComparison.Ordinal))
        {
            (problem.Type, problem.Title, problem.Detail) = problem.Status switch
            {
                StatusCodes.Status404NotFound => (ProblemTypes.NotFound, "Not found", problem.Detail ?? Say.Text("Problem.Detail.NoRoute")),
                StatusCodes.Status405MethodNotAllowed => (ProblemTypes.MethodNotAllowed, "Method not allowed",
                    Say.Text("Problem.Detail.MethodNotAllowed", context.HttpContext.Request.Method)),
                StatusCodes.Status415UnsupportedMediaType => (ProblemTypes.UnsupportedMediaType, "Unsupported media type", Say.Text("Problem.Detail.SendJson")),
                StatusCodes.Status400BadRequest => (ProblemTypes.MalformedRequest, "Malformed request", problem.Detail ?? Say.Text("Problem.Detail.Unreadable")),
                StatusCodes.Status500InternalServerError => (ProblemTypes.Internal, problem.Title, problem.Detail),
                _ => (problem.Type, problem.Title, problem.Detail),
            };
        }

        // English keeps the title its thrower chose (often more specific); Vietnamese gives each type its one title.
        if (Say.Language == "vi" && problem.Type is { } type && type.StartsWith(ProblemTypes.Prefix, StringComparison.Ordinal))
        {
            problem.Title = Say.Text("Problem." + type[ProblemTypes.Prefix.Length..]);
        }
    }
}
