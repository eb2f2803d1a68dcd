namespace ObstacleRegister.Pages;

/// <summary>The staff pages' stylesheet (added to the public site's), embedded so a deployment is the published folder and nothing else.</summary>
public static class StaffAssets
{
    public const string Path = "/desk.css";

    public static readonly byte[] Stylesheet = Read();

    private static byte[] Read()
    {
        using var stream = typeof(StaffAssets).Assembly.GetManifestResourceStream("ObstacleRegister.Pages.desk.css")
            ?? throw new InvalidOperationException("The staff pages' stylesheet is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
