namespace ObstacleRegister.Webhooks;

/// <summary>Bound from <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    /// <summary>Allow endpoints on loopback, private, link-local and other internal addresses (a test or an internal integration).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>Allow <c>http://</c> endpoints; by default only <c>https://</c>.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>How often new changes are fanned out and due deliveries sent.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait before the first retry; each later retry waits twice as long, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Attempts before a delivery is given up (about two days with the defaults).</summary>
    public int MaxAttempts { get; set; } = 15;

    /// <summary>How long the log keeps deliveries that are settled (delivered, failed or abandoned).</summary>
    public TimeSpan KeepSettledFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
