using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ObstacleRegister.Webhooks.Secrets;

namespace ObstacleRegister.Webhooks.Delivery;

/// <summary>
/// Sends one delivery the Standard Webhooks way: <c>webhook-id</c> (the same on every attempt), <c>webhook-timestamp</c>
/// (Unix seconds) and <c>webhook-signature: v1,&lt;base64 HMAC-SHA256 of "id.timestamp.body"&gt;</c>, keyed with the
/// endpoint's secret without its <c>whsec_</c> prefix.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, WebhookSecrets secrets, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    public async Task<(int? StatusCode, string? Error, int DurationMs)> Send(ClaimedDelivery delivery, CancellationToken ct)
    {
        string secret;
        try
        {
            secret = secrets.Open(delivery.Secret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The key ring that sealed it is not this instance's (not shared, or lost): this delivery fails, the others go on.
            return (null, "The endpoint's signing secret cannot be opened with this instance's key ring.", 0);
        }

        var id = MessageId(delivery.Id);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(
                delivery.Payload, Encoding.UTF8,
                new MediaTypeHeaderValue(DeliveryPayloads.ContentTypeOf(BuildingBlocks.Data.WireNames.Parse<Endpoints.WebhookFormat>(delivery.Format)))),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", Sign(secret, id, timestamp, delivery.Payload));
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return ((int)response.StatusCode, null, (int)watch.ElapsedMilliseconds);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (null, ex is TaskCanceledException ? "The endpoint did not answer in time." : ex.Message, (int)watch.ElapsedMilliseconds);
        }
    }

    public static string MessageId(Guid deliveryId) => $"msg_{deliveryId:N}";

    public static string Sign(string secret, string id, string timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var signature = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return $"v1,{Convert.ToBase64String(signature)}";
    }
}
