using Microsoft.AspNetCore.Http.Features;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Api.Http;

/// <summary>
/// The register's own bounds on a request's address and headers, answered as problems in the request's language.
/// Kestrel refuses what passes its own limits before any of the pipeline runs, with a bare status and no body, so
/// its limits are set well above these (<see cref="HttpPipeline"/>): everything between the two is refused here, as
/// <c>application/problem+json</c>, and a long <c>q</c> reaches its own validation (400 naming <c>q</c>).
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next)
{
    /// <summary>The longest path and query the register takes (bytes, as sent).</summary>
    public const int MaxTargetBytes = 16 * 1024;

    /// <summary>The most header bytes (names and values) the register takes.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>Kestrel's own limits, beyond which it answers with a bare 414 or 431 before the pipeline.</summary>
    public const int ServerMaxRequestLineBytes = 64 * 1024;

    public const int ServerMaxHeaderBytes = 64 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var targetBytes = string.IsNullOrEmpty(target) ? context.Request.Path.Value?.Length + context.Request.QueryString.Value?.Length ?? 0 : target.Length;
        if (targetBytes > MaxTargetBytes)
        {
            throw new ProblemException(StatusCodes.Status414UriTooLong, ProblemTypes.UriTooLong, "Request address too long",
                Say.Text("Problem.Detail.UriTooLong", MaxTargetBytes));
        }

        if (HeaderBytes(context.Request.Headers) > MaxHeaderBytes)
        {
            throw new ProblemException(StatusCodes.Status431RequestHeaderFieldsTooLarge, ProblemTypes.HeadersTooLarge, "Request headers too large",
                Say.Text("Problem.Detail.HeadersTooLarge", MaxHeaderBytes));
        }

        return next(context);
    }

    private static long HeaderBytes(IHeaderDictionary headers)
    {
        long bytes = 0;
        foreach (var (name, values) in headers)
        {
            bytes += name.Length;
            foreach (var value in values)
            {
                bytes += value?.Length ?? 0;
            }
        }

        return bytes;
    }
}
