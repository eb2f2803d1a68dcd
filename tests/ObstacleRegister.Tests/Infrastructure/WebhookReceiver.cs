using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace ObstacleRegister.Tests.Infrastructure;

/// <summary>
/// Stands in for integrators' servers: the webhook client's primary handler, so deliveries never leave the process.
/// Records every request and answers each URL with the statuses a test queued, then 200.
/// </summary>
public sealed class WebhookReceiver : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<HttpStatusCode>> answers = new(StringComparer.Ordinal);

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public void Answer(string url, params HttpStatusCode[] statuses) => answers[url] = new ConcurrentQueue<HttpStatusCode>(statuses);

    public void Register(IServiceCollection services) =>
        services.AddHttpClient("webhooks").ConfigurePrimaryHttpMessageHandler(() => this);

    /// <summary>Waits until at least <paramref name="count"/> requests arrived (or ten seconds passed) and returns them all.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitFor(int count, string? url = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (For(url).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return For(url);
    }

    public IReadOnlyList<ReceivedWebhook> For(string? url) => [.. Received.Where(r => url is null || r.Url == url)];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.ToString();
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var status = answers.TryGetValue(url, out var queue) && queue.TryDequeue(out var queued) ? queued : HttpStatusCode.OK;
        Received.Enqueue(new ReceivedWebhook(
            url, request.Headers.GetValues("webhook-id").Single(), request.Headers.GetValues("webhook-timestamp").Single(),
            request.Headers.GetValues("webhook-signature").Single(), body, status, request.Content.Headers.ContentType?.ToString()));
        return new HttpResponseMessage(status);
    }
}

/// <summary>One request as the receiver saw it, and what it answered.</summary>
public sealed record ReceivedWebhook(string Url, string Id, string Timestamp, string Signature, string Body, HttpStatusCode Answered, string? ContentType)
{
    /// <summary>Checks the signature as a Standard Webhooks receiver would, with the secret shown at registration.</summary>
    public bool IsSignedWith(string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
        return Signature.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)));
    }
}
