using Microsoft.AspNetCore.Routing;

namespace ObstacleRegister.Api.Http;

/// <summary>
/// HEAD wherever GET is allowed (RFC 9110 §9.3.2): uptime monitors and link checkers ask with HEAD, and a public
/// page that answered them 401 or 405 looked down. The endpoint runs as for GET (the same access rules, headers and
/// status); the server sends no body. The OpenAPI document lists the GET only: HEAD is the same operation.
/// </summary>
internal static class HeadRequests
{
    public static TBuilder AnswersHead<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            // The last method metadata is the one routing reads.
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } methods
                && methods.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase)
                && !methods.HttpMethods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return builder;
    }

    /// <summary>
    /// Drops what the endpoint writes for a HEAD request, on any server: Kestrel does so itself, but not every server
    /// the register runs behind (the in-memory test server among them) does.
    /// </summary>
    public static IApplicationBuilder UseHeadWithoutBody(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }
    });
}
