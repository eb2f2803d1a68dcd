namespace ObstacleRegister.Reports.Site;

/// <summary>The site's one stylesheet, embedded in the module so a deployment is the published folder and nothing else.</summary>
internal static class SiteAssets
{
    public static readonly byte[] Stylesheet = Read("site.css");

    private static byte[] Read(string name)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream($"ObstacleRegister.Reports.Site.{name}")
            ?? throw new InvalidOperationException($"The site's {name} is not embedded in the Reports module.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
