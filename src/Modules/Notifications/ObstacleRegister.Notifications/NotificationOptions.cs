using MailKit.Security;

namespace ObstacleRegister.Notifications;

/// <summary>Bound from <c>Notifications:Smtp</c>: the SMTP server reminders and digests go through. No host: email is off.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>587 (submission) unless set.</summary>
    public int Port { get; set; } = 587;

    /// <summary>The sender, <c>address</c> or <c>Name &lt;address&gt;</c>.</summary>
    public string From { get; set; } = "";

    /// <summary>Sign in as this user when set.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// <c>Auto</c> (TLS on connect on 465, STARTTLS when offered elsewhere), <c>StartTls</c> (required),
    /// <c>SslOnConnect</c>, <c>StartTlsWhenAvailable</c> or <c>None</c>.
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>How long connecting, signing in or sending one message may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Bound from <c>Notifications</c>: the addresses the operator configures, and where the links in emails lead.</summary>
public sealed class RecipientOptions
{
    /// <summary>Where escalations to the coordinating side are emailed, comma-separated.</summary>
    public string CoordinatorsEmail { get; set; } = "";

    /// <summary>Where the second tier of escalation (the coordinators' leadership) is emailed, comma-separated.</summary>
    public string LeadershipEmail { get; set; } = "";

    /// <summary>The register's public address (<c>https://register.example.gov.vn/</c>), for the links in emails; none when unset.</summary>
    public Uri? PublicBaseUrl { get; set; }

    internal bool IsValid =>
        (PublicBaseUrl is null || PublicBaseUrl.IsAbsoluteUri) && Addresses(CoordinatorsEmail).Concat(Addresses(LeadershipEmail)).All(a => MimeKit.MailboxAddress.TryParse(a, out _));

    internal IReadOnlyList<string> Of(Contracts.EmailAudience audience) =>
        Addresses(audience == Contracts.EmailAudience.Coordinators ? CoordinatorsEmail : LeadershipEmail);

    /// <summary>The link to a register path, or none without a public address.</summary>
    internal string? Link(string? path) => PublicBaseUrl is { } site && path is not null ? new Uri(site, path).ToString() : null;

    private static string[] Addresses(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Bound from <c>Notifications:Email</c>: how the outbox sends and retries.</summary>
public sealed class EmailOptions
{
    /// <summary>How often queued emails are looked for.</summary>
    public TimeSpan SendInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the first retry; each later retry waits twice as long, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before an email is given up (about a day with the defaults): an SMTP server down for hours loses nothing.</summary>
    public int MaxAttempts { get; set; } = 30;
}
