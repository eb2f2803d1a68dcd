using Microsoft.AspNetCore.Http;

namespace ObstacleRegister.BuildingBlocks.Http;

/// <summary>Responses that carry the resource's <c>ETag</c>, as every write and read of a versioned resource does.</summary>
public static class ApiResults
{
    public static IResult Created<T>(string location, T body, long version) =>
        new WithETag(TypedResults.Created(location, body), version);

    public static IResult Ok<T>(T body, long version) =>
        new WithETag(TypedResults.Ok(body), version);

    private sealed class WithETag(IResult inner, long version) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ETag = Versions.ToETag(version);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
