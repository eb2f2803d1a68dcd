using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.EndToEnd;

/// <summary>
/// Requests too long for the register, sent to Kestrel itself (its limits apply on a real socket only): a long
/// <c>q</c> is a 400 naming <c>q</c>, an address or headers past the register's bounds are problems in the request's
/// language; only past Kestrel's own (higher) limits does the server answer bare, before the pipeline.
/// </summary>
public sealed class RequestLimitTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override bool ListensOnAPort => true;

    private Uri Root => new(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    [OneTimeSetUp]
    public void OnSqliteOnly()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            Assert.Ignore("Run once, on SQLite: the limits are the HTTP server's, whatever the database.");
        }
    }

    [Test]
    public async Task LongSearch_Is400NamingQ_WithItsMaximum()
    {
        var words = string.Join(' ', Enumerable.Repeat("đất ở được ưu đãi", 150));
        using var client = Keyed();

        var response = await client.GetAsync(new Uri(Root, $"/api/v1/obstacles?q={Uri.EscapeDataString(words[..2000])}"));

        var problem = await response.ExpectJson(400);
        Assert.Multiple(() =>
        {
            Assert.That(Encoding.UTF8.GetByteCount(Uri.EscapeDataString(words[..2000])), Is.GreaterThan(8 * 1024), "longer than Kestrel's default request line");
            Assert.That(problem["errors"]!["q"]![0]!.GetValue<string>(), Does.Contain("200"));
        });
    }

    [Test]
    public async Task AddressPastTheRegistersBound_Is414Problem_InTheRequestsLanguage()
    {
        using var client = Keyed();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");

        var response = await client.GetAsync(new Uri(Root, $"/api/v1/units?filler={new string('a', 20 * 1024)}"));

        var problem = await response.ExpectJson(414);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.Str("type"), Is.EqualTo("urn:obstacle-register:problem:uri-too-long"));
            Assert.That(problem.Str("title"), Is.EqualTo("Địa chỉ yêu cầu quá dài"));
            Assert.That(problem.Str("detail"), Does.Contain("16384"));
        });
    }

    [Test]
    public async Task HeadersPastTheRegistersBound_Are431Problem()
    {
        using var client = Keyed();
        client.DefaultRequestHeaders.Add("X-Filler", new string('b', 40 * 1024));

        var response = await client.GetAsync(new Uri(Root, "/api/v1/units"));

        var problem = await response.ExpectJson(431);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.Str("type"), Is.EqualTo("urn:obstacle-register:problem:headers-too-large"));
            Assert.That(problem.Str("detail"), Does.Contain("32768"));
        });
    }

    /// <summary>The documented outer bound: past it Kestrel answers before the register can, and the line says so.</summary>
    [Test]
    public async Task RequestLinePastTheServersLimit_IsRefusedByTheServerItself()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Root.Port);
        await using var stream = tcp.GetStream();
        var request = $"GET /api/v1/units?filler={new string('c', 70 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        var buffer = new byte[512];
        var read = await stream.ReadAsync(buffer);

        Assert.That(Encoding.ASCII.GetString(buffer, 0, read), Does.StartWith("HTTP/1.1 414"));
    }

    private static HttpClient Keyed()
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", RegisterFactory.AdminKey);
        return client;
    }
}
