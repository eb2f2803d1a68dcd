using System.Net;
using System.Net.Sockets;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Webhooks.Endpoints;

/// <summary>
/// Where the register may send requests: https (http only when allowed), never to loopback, private, link-local,
/// carrier-grade NAT, multicast, documentation, benchmarking, translation or other special-purpose addresses unless the
/// operator allows private targets.
/// Checked when an endpoint is registered and again on every connection (a name may resolve elsewhere later).
/// </summary>
/// <summary>Name resolution, a seam so tests can see when it happens.</summary>
internal interface IHostAddressResolver
{
    Task<IPAddress[]> Resolve(string host, CancellationToken ct);
}

internal sealed class DnsHostAddressResolver : IHostAddressResolver
{
    public Task<IPAddress[]> Resolve(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}

internal static class TargetRules
{
    public const int MaxUrlLength = 2000;

    /// <summary>A message for the client when the URL is not acceptable as written; null when it is.</summary>
    public static string? Problem(string url, WebhookOptions options)
    {
        if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return Say.Text("Validation.Url.Absolute");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(options.AllowHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            return Say.Text(options.AllowHttp ? "Validation.Url.HttpsOrHttp" : "Validation.Url.Https");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return Say.Text("Validation.Url.Credentials");
        }

        if (options.AllowPrivateTargets)
        {
            return null;
        }

        if (uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return Say.Text("Validation.Url.ThisMachine");
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IsInternal(address)
            ? Say.Text("Validation.Url.Private")
            : null;
    }

    /// <summary>The resolved addresses a name may be reached at; every one must be public unless private targets are allowed.</summary>
    public static async Task<string?> ResolutionProblem(string url, WebhookOptions options, IHostAddressResolver resolver, CancellationToken ct)
    {
        var host = new Uri(url).Host.Trim('[', ']');
        if (options.AllowPrivateTargets || IPAddress.TryParse(host, out _))
        {
            return null;
        }

        try
        {
            var addresses = await resolver.Resolve(host, ct);
            return addresses.Length == 0 || addresses.Any(IsInternal) ? Say.Text("Validation.Url.ResolvesPrivate") : null;
        }
        catch (SocketException)
        {
            return Say.Text("Validation.Url.Unresolved", host);
        }
    }

    /// <summary>
    /// The IANA special-purpose ranges (RFC 6890 and its updates) that are not the public internet, plus the
    /// translation ranges that can carry an internal IPv4 address inside an IPv6 one (NAT64, 6to4, Teredo): refused whole.
    /// </summary>
    private static readonly System.Net.IPNetwork[] NotPublic =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
            "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24", "192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16",
            "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
        }.Select(System.Net.IPNetwork.Parse),
    ];

    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return NotPublic.Any(n => n.Contains(address));
    }

    /// <summary>The socket connection the delivery client uses: it connects only to an address the rules allow.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connect(WebhookOptions options) =>
        async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = addresses.Where(a => options.AllowPrivateTargets || !IsInternal(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves to no address webhooks may be sent to.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}
