using System.Net;
using System.Net.Sockets;

namespace ObstacleRegister.Webhooks.Endpoints;

/// <summary>
/// Where the register may send requests: https (http only when allowed), never to loopback, private,
/// link-local, carrier-grade NAT, multicast or unspecified addresses unless the operator allows private targets.
/// Checked when an endpoint is registered and again on every connection (a name may resolve elsewhere later).
/// </summary>
internal static class TargetRules
{
    public const int MaxUrlLength = 2000;

    /// <summary>A message for the client when the URL is not acceptable as written; null when it is.</summary>
    public static string? Problem(string url, WebhookOptions options)
    {
        if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "'url' must be an absolute URL of at most 2000 characters.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(options.AllowHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            return options.AllowHttp ? "'url' must use https or http." : "'url' must use https.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "'url' must not carry a user name or password.";
        }

        if (options.AllowPrivateTargets)
        {
            return null;
        }

        if (uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "'url' must not point at this machine.";
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IsInternal(address)
            ? "'url' must not point at a private, loopback or link-local address."
            : null;
    }

    /// <summary>The resolved addresses a name may be reached at; every one must be public unless private targets are allowed.</summary>
    public static async Task<string?> ResolutionProblem(string url, WebhookOptions options, CancellationToken ct)
    {
        var host = new Uri(url).Host.Trim('[', ']');
        if (options.AllowPrivateTargets || IPAddress.TryParse(host, out _))
        {
            return null;
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, ct);
            return addresses.Length == 0 || addresses.Any(IsInternal) ? "'url' resolves to a private, loopback or link-local address." : null;
        }
        catch (SocketException)
        {
            return $"'url': the name '{host}' could not be resolved.";
        }
    }

    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xFE) == 0xFC;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10 || b[0] == 0 || b[0] >= 224
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127)
            || (b[0] == 192 && b[1] == 0 && b[2] == 0);
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
