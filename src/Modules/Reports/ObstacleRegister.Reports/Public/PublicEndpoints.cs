using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ObstacleRegister.BuildingBlocks.Http;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ObstacleRegister.Reports.Public;

/// <summary>
/// The public pages: open without a key, rate limited per client address, and cacheable: each answer carries a
/// strong ETag of its bytes and <c>Cache-Control: public</c>, and a matching <c>If-None-Match</c> gets 304.
/// </summary>
internal static class PublicEndpoints
{
    public static RouteHandlerBuilder AsPublicPage(this RouteHandlerBuilder endpoint) =>
        endpoint.AllowAnonymous()
            .RequireRateLimiting(PublicAccess.RateLimitPolicy)
            .AddEndpointFilter(async (context, next) =>
            {
                var result = await next(context);
                return result is IValueHttpResult { Value: { } body } ? CacheableJson(context.HttpContext, body) : result;
            })
            .KeepsAnswers()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary><paramref name="body"/> as the API writes JSON, cacheable like every public answer.</summary>
    public static IResult CacheableJson(HttpContext http, object body)
    {
        var json = http.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        return Cacheable(http, JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), json), "application/json");
    }

    /// <summary>
    /// <paramref name="bytes"/> with a strong ETag of them and <c>Cache-Control</c> (public, or private when the answer
    /// is the caller's own, such as one that sets a cookie); 304 when the caller already holds them.
    /// </summary>
    public static IResult Cacheable(HttpContext http, byte[] bytes, string contentType, bool shared = true)
    {
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16))}\"");
        var maxAge = http.RequestServices.GetRequiredService<IOptions<PublicAccessOptions>>().Value.MaxAgeSeconds;
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = shared, Private = !shared, MaxAge = TimeSpan.FromSeconds(maxAge) };
        var notModified = http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any));
        return notModified ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(bytes, contentType);
    }
}
