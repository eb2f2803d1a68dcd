using System.Reflection;

namespace ObstacleRegister.Api;

/// <summary>The assemblies whose handlers, validators and endpoints make up the register.</summary>
internal static class ModuleAssemblies
{
    public static readonly Assembly[] All =
    [
        typeof(Access.AccessModule).Assembly,
        typeof(Regulations.RegulationsModule).Assembly,
        typeof(Obstacles.ObstaclesModule).Assembly,
        typeof(Amendments.AmendmentsModule).Assembly,
        typeof(Reports.ReportsModule).Assembly,
        typeof(Webhooks.WebhooksModule).Assembly,
        typeof(Notifications.NotificationsModule).Assembly,
        typeof(Changes.ChangesModule).Assembly,
    ];

    /// <summary>Each module's event names, in the order the event catalogue (and so the change feed's enum) lists them.</summary>
    public static readonly Type[] EventNames =
    [
        typeof(Obstacles.Contracts.ObstacleEvents),
        typeof(Amendments.Contracts.AmendmentEvents),
        typeof(Regulations.Contracts.RegulationEvents),
        typeof(Access.Contracts.UnitEvents),
    ];
}
