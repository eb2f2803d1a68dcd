namespace ObstacleRegister.Api;

/// <summary>Where the service finds its settings and resolves relative paths.</summary>
internal static class HostFolders
{
    /// <summary>
    /// The folder of the service's own files, unless <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c> /
    /// <c>DOTNET_CONTENTROOT</c> names another (null lets the host read those itself).
    /// </summary>
    public static string? ContentRoot(string[] args)
    {
        var named = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 };
        return named ? null : AppContext.BaseDirectory;
    }
}
