namespace ObstacleRegister.Reports.Site;

/// <summary>What every page of the public site gives: the tables it shows, each also downloadable as CSV.</summary>
public interface ISitePage
{
    /// <summary>The page's tables, in the order the page shows them.</summary>
    IReadOnlyList<SiteTable> Tables();
}
