namespace ObstacleRegister.Reports.OpenData;

/// <summary>What the data catalogue says of the data's terms and who answers for it (<c>OpenData:*</c>).</summary>
public sealed class OpenDataOptions
{
    public const string Section = "OpenData";

    /// <summary>The licence's address; Creative Commons Attribution 4.0 unless the publisher chooses another.</summary>
    public string LicenceUrl { get; set; } = "https://creativecommons.org/licenses/by/4.0/";

    /// <summary>The licence's name as readers see it.</summary>
    public string LicenceName { get; set; } = "CC BY 4.0";

    /// <summary>The body that publishes the data (the coordinating agency); the register's name when not set.</summary>
    public string? Publisher { get; set; }

    /// <summary>Where questions about the data go; omitted from the catalogue when not set.</summary>
    public string? ContactEmail { get; set; }
}
