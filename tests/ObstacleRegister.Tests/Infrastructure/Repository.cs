using System.Reflection;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Tests.Infrastructure;

/// <summary>Where the project's files and assemblies are, for tests that inspect the code base itself.</summary>
public static class Repository
{
    public static readonly Lazy<string> Root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ObstacleRegister.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ObstacleRegister.sln not found above the test folder.");
    });

    /// <summary>Each module's name with its implementation and contracts assemblies (none for a module nobody asks).</summary>
    public static readonly IReadOnlyList<(string Name, Assembly Implementation, Assembly? Contracts)> Modules =
    [
        ("Access", typeof(Access.AccessModule).Assembly, typeof(Access.Contracts.GetUnit).Assembly),
        ("Regulations", typeof(Regulations.RegulationsModule).Assembly, typeof(Regulations.Contracts.GetRegulation).Assembly),
        ("Obstacles", typeof(Obstacles.ObstaclesModule).Assembly, typeof(Obstacles.Contracts.GetObstacles).Assembly),
        ("Amendments", typeof(Amendments.AmendmentsModule).Assembly, typeof(Amendments.Contracts.AmendmentSummary).Assembly),
        ("Reports", typeof(Reports.ReportsModule).Assembly, typeof(Reports.Contracts.GetProgressReport).Assembly),
        // Webhooks answers no other module's questions: it follows the change log and has no contracts.
        ("Webhooks", typeof(Webhooks.WebhooksModule).Assembly, null),
        ("Notifications", typeof(Notifications.NotificationsModule).Assembly, typeof(Notifications.Contracts.QueueEmail).Assembly),
        ("Changes", typeof(Changes.ChangesModule).Assembly, typeof(Changes.Contracts.ReadChanges).Assembly),
    ];

    public static readonly Assembly BuildingBlocks = typeof(DatabaseOptions).Assembly;

    public static readonly Assembly Host = typeof(Program).Assembly;

    public static string MigrationsFolder(DatabaseProvider provider) =>
        Path.Combine(Root.Value, "db", provider == DatabaseProvider.SqlServer ? "sqlserver" : "sqlite");

    public static IReadOnlyList<Migration> Migrations(DatabaseProvider provider) => MigrationRunner.Embedded(Host, provider);
}
