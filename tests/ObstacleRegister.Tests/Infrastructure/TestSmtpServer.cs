using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ObstacleRegister.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a loopback port inside the test process: the register's client speaks the whole protocol to
/// it, and a test reads what arrived, parsed as MIME. It can refuse a recipient for good, and be stopped and started
/// again on the same port to play a server that is down.
/// </summary>
public sealed class TestSmtpServer : IDisposable
{
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private readonly ConcurrentDictionary<string, bool> refused = new(StringComparer.OrdinalIgnoreCase);
    private SmtpServer.SmtpServer? server;

    private TestSmtpServer(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Received => [.. received];

    public static TestSmtpServer Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var server = new TestSmtpServer(port);
        server.Resume();
        return server;
    }

    /// <summary>Every later message to <paramref name="address"/> is refused with 550.</summary>
    public void Refuse(string address) => refused[address] = true;

    public void Clear()
    {
        received.Clear();
        refused.Clear();
    }

    /// <summary>Stops listening: connecting is refused until <see cref="Resume"/>.</summary>
    public void Stop()
    {
        if (server is null)
        {
            return;
        }

        server.Shutdown();
        server.ShutdownTask.Wait(TimeSpan.FromSeconds(30));
        server = null;
    }

    public void Resume()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(received));
        services.Add(new Filter(refused));
        server = new SmtpServer.SmtpServer(options, services);
        _ = server.StartAsync(CancellationToken.None);
    }

    public void Dispose() => Stop();

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(ConcurrentDictionary<string, bool> refused) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!refused.ContainsKey(to.AsAddress()));
    }
}
