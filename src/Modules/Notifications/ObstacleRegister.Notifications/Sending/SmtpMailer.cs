using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using ObstacleRegister.Notifications.Outbox;
using ObstacleRegister.Notifications.Rendering;

namespace ObstacleRegister.Notifications.Sending;

/// <summary>
/// Sends a batch of claimed emails over one SMTP connection. A message or recipient refused with a 5xx is refused for
/// good; anything else (the server down, a 4xx, a timeout, a dropped connection) is "not now" for every message not
/// yet sent, so nothing is lost.
/// </summary>
internal sealed class SmtpMailer(IOptions<SmtpOptions> options, EmailRenderer renderer)
{
    public async Task<IReadOnlyList<(ClaimedEmail Email, EmailAttemptResult Result, string? Error)>> Send(IReadOnlyList<ClaimedEmail> emails, CancellationToken ct)
    {
        var settings = options.Value;
        var from = MailboxAddress.Parse(settings.From);
        var results = new List<(ClaimedEmail, EmailAttemptResult, string?)>();
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, ct);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await client.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
            }
        }
        catch (Exception ex) when (IsTransient(ex) && !ct.IsCancellationRequested)
        {
            return [.. emails.Select(e => (e, EmailAttemptResult.NotNow, (string?)$"The SMTP server could not be reached: {ex.Message}"))];
        }

        foreach (var email in emails)
        {
            if (!client.IsConnected)
            {
                results.Add((email, EmailAttemptResult.NotNow, "The SMTP server closed the connection."));
                continue;
            }

            results.Add(await SendOne(client, email, from, ct));
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }

        return results;
    }

    private async Task<(ClaimedEmail, EmailAttemptResult, string?)> SendOne(SmtpClient client, ClaimedEmail email, MailboxAddress from, CancellationToken ct)
    {
        MimeMessage message;
        try
        {
            message = renderer.Render(email.Id, email.Template, EmailContent.FromJson(email.Content), from, Recipients.Split(email.Recipients));
        }
        catch (ParseException ex)
        {
            return (email, EmailAttemptResult.Refused, $"A recipient address cannot be used: {ex.Message}");
        }

        try
        {
            await client.SendAsync(message, ct);
            return (email, EmailAttemptResult.Sent, null);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            return (email, EmailAttemptResult.Refused, $"The SMTP server refused it ({(int)ex.StatusCode}): {ex.Message}");
        }
        catch (Exception ex) when (IsTransient(ex) && !ct.IsCancellationRequested)
        {
            return (email, EmailAttemptResult.NotNow, ex.Message);
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException or SocketException or IOException
            or TimeoutException or OperationCanceledException;
}
