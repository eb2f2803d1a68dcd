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
    ];
}
