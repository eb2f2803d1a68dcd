namespace ObstacleRegister.Reports.OpenData;

/// <summary>The public addresses of the register's documents, work and results, and of their feeds.</summary>
public static class PublicPaths
{
    public static string Regulation(Guid id) => $"/regulations/{id}";

    public static string Amendment(Guid id) => $"/amendments/{id}";

    public static string Obstacle(Guid id) => $"/obstacles/{id}";

    public const string AllFeed = "/feeds/all.atom";

    public static string RegulationFeed(Guid id) => $"/feeds/regulations/{id}.atom";

    public static string UnitFeed(Guid id) => $"/feeds/units/{id}.atom";
}
