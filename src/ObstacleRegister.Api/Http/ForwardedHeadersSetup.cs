using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ObstacleRegister.Api.Http;

/// <summary>
/// Believes <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> only from the proxies named in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR), comma-separated.
/// With neither set the headers are ignored, whatever else asked for them: the framework's own switch
/// (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>) empties both lists, and an empty list means "trust every peer".
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static void AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Split(configuration["ForwardedHeaders:KnownProxies"])
            .Select(p => IPAddress.TryParse(p, out var address) ? address : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{p}' is not an IP address."))
            .ToList();
        var networks = Split(configuration["ForwardedHeaders:KnownNetworks"])
            .Select(n => System.Net.IPNetwork.TryParse(n, out var network) ? network : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{n}' is not a CIDR network."))
            .ToList();

        // PostConfigure: runs after the framework's own configuration, so nothing can widen the trust set here.
        services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
            options.ForwardedHeaders = proxies.Count + networks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Every hop from a trusted proxy is unwound; the first untrusted address met is the client.
            options.ForwardLimit = null;
        });
    }

    private static string[] Split(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
