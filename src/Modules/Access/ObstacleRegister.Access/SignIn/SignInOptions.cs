namespace ObstacleRegister.Access.SignIn;

/// <summary>
/// The organisation's OpenID Connect provider (<c>Authentication:Oidc</c>). Without an authority the register signs
/// people in with one-time links sent to their address.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Authentication:Oidc";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Absent for a public client: the code flow is protected by PKCE alone.</summary>
    public string? ClientSecret { get; set; }

    public string Scopes { get; set; } = "openid profile email";

    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>How long a staff session lasts and how soon it notices that its person was removed (<c>Authentication:Session</c>).</summary>
public sealed class SessionOptions
{
    public const string Section = "Authentication:Session";

    /// <summary>A session unused this long ends (each request renews it).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however busy.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>
    /// How often a session reads its person again: a removed person's session stops, and a changed unit or role
    /// applies, within this bound (at most 5 minutes).
    /// </summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The one-time sign-in links (<c>Authentication:Links</c>).</summary>
public sealed class SignInLinkOptions
{
    public const string Section = "Authentication:Links";

    /// <summary>A link works once, within this long of being sent.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>At most this many links are sent to one person within <see cref="Lifetime"/>; asking for more sends nothing.</summary>
    public int MaxPerLifetime { get; set; } = 3;

    /// <summary>Requests for a link from one client address per minute, whoever they name.</summary>
    public int RequestsPerMinute { get; set; } = 10;

    /// <summary>The address of the register's first admin, made with the first sign-in link at first start.</summary>
    public string FirstAdminEmail { get; set; } = "admin@register.invalid";
}
