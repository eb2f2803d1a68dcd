using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Validation;

namespace ObstacleRegister.Api.Http;

/// <summary>
/// Turns every exception into an RFC 9457 problem: the client's mistakes into a 4xx that names the field,
/// anything else into a 500 without internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ProblemException && StorageFaults.Of(exception) is { } fault)
        {
            // The storage, not the request: the transaction rolled back, so nothing was written, and the same request
            // succeeds once the storage is mended.
            exception = new StorageUnavailableException(fault, exception);
            httpContext.RequestServices.GetRequiredService<StorageHealth>().Failed(fault);
        }
        else if (DatabaseBusyException.IsBusy(exception))
        {
            // A lock held past the bound in the middle of a request: the transaction rolled back, so nothing was written.
            exception = new DatabaseBusyException(exception);
        }

        var problem = exception switch
        {
            RequestValidationException invalid => ProblemResponses.WithExtensions(ProblemResponses.Validation(invalid.Errors, invalid.Detail()), invalid),
            ProblemException known => ProblemResponses.From(known),
            BadHttpRequestException badRequest => FromBadRequest(badRequest),
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Internal error",
                Detail = Say.Text("Problem.Detail.Internal"),
            };
        }

        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.Clear();
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (exception is DatabaseBusyException)
        {
            LogBusy(logger, httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (exception is StorageUnavailableException storage)
        {
            LogStorage(logger, storage.InnerException, storage.Fault.WireName(), httpContext.Request.Method, httpContext.Request.Path);
        }

        if (exception is ProblemException { RetryAfterSeconds: { } retryAfter })
        {
            httpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (ObstacleRegister.Pages.StaffEndpoints.IsStaffPage(httpContext))
        {
            await ObstacleRegister.Pages.StaffEndpoints.WriteProblemPage(httpContext, httpContext.Response.StatusCode, problem.Detail,
                forged: exception is BadHttpRequestException { InnerException: Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException });
            return true;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>What the framework rejects before a handler runs: malformed JSON, wrong types, unknown fields, oversized bodies.</summary>
    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ProblemResponses.Simple(StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "Request body too large",
                Say.Text("Problem.Detail.TooLarge", HttpPipeline.MaxRequestBodyBytes));
        }

        if (exception.InnerException is JsonException json)
        {
            var (field, message) = DescribeJsonError(json);
            return ProblemResponses.Validation(new Dictionary<string, string[]> { [field] = [message] }, Say.Text("Problem.Detail.NotJson"));
        }

        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return ProblemResponses.Simple(exception.StatusCode, ProblemTypes.UnsupportedMediaType, "Unsupported media type", Say.Text("Problem.Detail.SendJson"));
        }

        if (exception.StatusCode != StatusCodes.Status400BadRequest)
        {
            return ProblemResponses.Simple(exception.StatusCode, ProblemTypes.MalformedRequest, "Request not accepted", Say.Text("Problem.Detail.Unreadable"));
        }

        var parameter = ParameterName().Match(exception.Message);
        if (parameter.Success)
        {
            var name = parameter.Groups["name"].Value;
            return ProblemResponses.Validation(
                new Dictionary<string, string[]> { [name] = [Say.Text("Validation.WrongParameter", name)] },
                Say.Text("Problem.Detail.SeeErrors"));
        }

        return ProblemResponses.Simple(StatusCodes.Status400BadRequest, ProblemTypes.MalformedRequest, "Malformed request", Say.Text("Problem.Detail.Unreadable"));
    }

    internal static (string Field, string Message) DescribeJsonError(JsonException json)
    {
        var unmapped = UnmappedProperty().Match(json.Message);
        if (unmapped.Success)
        {
            var path = FieldPath(json.Path);
            var name = unmapped.Groups["name"].Value;
            // The reader's path already ends at the unknown property; older readers stop at its parent.
            var field = path == "body" ? name : path == name || path.EndsWith("." + name, StringComparison.Ordinal) ? path : $"{path}.{name}";
            return (field, Say.Text("Validation.UnknownField", field));
        }

        var at = FieldPath(json.Path);
        if (ClientDates.IsOutOfRange(json))
        {
            return (at, ClientDates.OutOfRange(at));
        }

        return at == "body" ? (at, Say.Text("Validation.NotWellFormed")) : (at, Say.Text("Validation.WrongType", at));
    }

    /// <summary>Turns System.Text.Json's path (<c>$.regulations[0].provision</c>) into the field name clients use.</summary>
    private static string FieldPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "body";
        }

        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return path.Length == 0 ? "body" : path;
    }

    [GeneratedRegex("The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex("parameter \"[^\"]*? (?<name>[A-Za-z0-9_]+)\" from")]
    private static partial Regex ParameterName();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database busy for {Method} {Path}: answered 503 with Retry-After")]
    private static partial void LogBusy(ILogger logger, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage {Fault} for {Method} {Path}: answered 503 with Retry-After")]
    private static partial void LogStorage(ILogger logger, Exception? exception, string fault, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
