namespace ObstacleRegister.BuildingBlocks.Http;

/// <summary>Bound from <c>Public</c>: how the pages anyone may read without a key are served.</summary>
public sealed class PublicAccessOptions
{
    /// <summary>Requests per minute one client address may make to the public pages.</summary>
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>How long a browser or proxy may reuse a public answer without asking again.</summary>
    public int MaxAgeSeconds { get; set; } = 60;

    /// <summary>How long this process serves a public answer it computed before computing it again: at most <see cref="MaxAgeSeconds"/>, 0 for never.</summary>
    public int AnswerCacheSeconds { get; set; } = 60;

    /// <summary>How many public answers (address, query and language) this process keeps at most.</summary>
    public int AnswerCacheEntries { get; set; } = 256;
}

/// <summary>The rate limit the host applies to everything anyone may read without a key: the public pages and the calendar feeds.</summary>
public static class PublicAccess
{
    public const string RateLimitPolicy = "public";
}
