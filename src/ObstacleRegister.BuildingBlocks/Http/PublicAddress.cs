using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace ObstacleRegister.BuildingBlocks.Http;

/// <summary>
/// The register's own address, for the absolute addresses it hands out (calendar feeds, links in emails): the
/// configured <c>Notifications:PublicBaseUrl</c> when there is one, so a request's <c>Host</c> header (which anyone may
/// write) never decides where a secret address points; otherwise the request's scheme and host, as the trusted proxies
/// (<c>ForwardedHeaders</c>) tell them.
/// </summary>
public sealed class PublicAddress(IConfiguration configuration)
{
    /// <summary>The configuration key, named where it was first needed (the links in emails); it is the register's address.</summary>
    public const string ConfigurationKey = "Notifications:PublicBaseUrl";

    /// <summary>The configured base, without a trailing slash; null when none is configured (and no request is there to ask).</summary>
    public string? Configured => configuration[ConfigurationKey] is { Length: > 0 } configured ? configured.TrimEnd('/') : null;

    /// <summary>The base every absolute address starts with, without a trailing slash.</summary>
    public string BaseFor(HttpRequest request) =>
        Configured ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
}
