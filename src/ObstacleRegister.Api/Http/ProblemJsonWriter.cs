using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ObstacleRegister.Api.Http;

/// <summary>
/// Writes a problem when the framework's writer will not: a caller that accepts only <c>text/csv</c> (and is refused
/// with 406 for it) still learns why, as <c>application/problem+json</c>, the one error format of the API.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        options.Value.CustomizeProblemDetails?.Invoke(context);
        await context.HttpContext.Response.WriteAsJsonAsync(
            context.ProblemDetails, context.ProblemDetails.GetType(), options: null, contentType: "application/problem+json");
    }
}
