using System.Net;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Operations;

/// <summary>The public rate limit counts real client addresses: told by a trusted proxy, never by anyone else.</summary>
public sealed class ProxyAndRateLimitTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Proxy = "10.20.0.5";
    private static int block;

    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string>
    {
        ["Public:RequestsPerMinute"] = "3",
        ["ForwardedHeaders:KnownProxies"] = Proxy,
        ["ForwardedHeaders:KnownNetworks"] = "172.30.0.0/16",
    };

    [Test]
    public async Task ClientsBehindATrustedProxy_AreLimitedEachByTheirOwnAddress()
    {
        var clients = Enumerable.Range(1, 4).Select(i => Address(i)).ToList();

        var perClient = new List<HttpStatusCode>();
        foreach (var client in clients)
        {
            perClient.Add(await PublicPage(peer: Proxy, forwardedFor: client));
        }

        var sameClient = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            sameClient.Add(await PublicPage(peer: "172.30.4.4", forwardedFor: clients[0]));
        }

        Assert.Multiple(() =>
        {
            Assert.That(perClient, Has.All.EqualTo(HttpStatusCode.OK), "four clients, one request each");
            Assert.That(sameClient, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests }),
                "the first client's 2nd to 5th requests, through a proxy of the trusted network");
        });
    }

    [Test]
    public async Task ForwardedFor_FromAnUntrustedPeer_IsIgnored()
    {
        var peer = Address(1);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add(await PublicPage(peer, forwardedFor: Address(100 + i)));
        }

        Assert.That(statuses.Count(s => s == HttpStatusCode.TooManyRequests), Is.EqualTo(9), "rotating X-Forwarded-For does not escape the limit");
    }

    [Test]
    public async Task RequestsWithAValidKey_AreNotLimitedOnThePublicPages()
    {
        var peer = Address(1);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/public/amendments");
            request.Headers.Add(TestPeerAddress.Header, peer);
            using var response = await Admin.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        var anonymous = await PublicPage(peer, forwardedFor: null);

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Has.All.EqualTo(HttpStatusCode.OK));
            Assert.That(anonymous, Is.EqualTo(HttpStatusCode.OK), "keyed requests did not use the address's allowance");
        });
    }

    /// <summary>Addresses no other test of the run uses, so every test starts with fresh allowances.</summary>
    private static string Address(int host)
    {
        var b = Interlocked.Increment(ref block);
        return $"198.51.{b % 250}.{host % 250}";
    }

    private async Task<HttpStatusCode> PublicPage(string peer, string? forwardedFor)
    {
        using var anonymous = Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/public/amendments");
        request.Headers.Add(TestPeerAddress.Header, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await anonymous.SendAsync(request);
        return response.StatusCode;
    }
}
