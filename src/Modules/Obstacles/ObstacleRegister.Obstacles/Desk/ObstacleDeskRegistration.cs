using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.Pages;

namespace ObstacleRegister.Obstacles.Desk;

internal static class ObstacleDeskRegistration
{
    public static void AddObstacleDesk(this IServiceCollection services)
    {
        services.AddScoped<IDeskSection, ReporterDeskSection>();
        services.AddScoped<IDeskSection, TriageDeskSection>();
    }
}
