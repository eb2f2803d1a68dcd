using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.Obstacles.Submit;
using ObstacleRegister.Obstacles.Triage;

namespace ObstacleRegister.Obstacles;

/// <summary>Obstacles: intake tied to regulations, triage, history, and who may see what.</summary>
public static class ObstaclesModule
{
    public static IServiceCollection AddObstacles(this IServiceCollection services)
    {
        services.AddOptions<ObstacleClockOptions>().BindConfiguration("Obstacles")
            .Validate(o => o.IsValid, ObstacleClockOptions.Problem)
            .ValidateOnStart();
        services.AddScoped<ObstacleIntake>();
        services.AddScoped<ObstacleSubmissions>();
        services.AddScoped<ObstacleTransitions>();
        services.AddScoped<Outcomes.ResultOutcomes>();
        services.AddScoped<Clocks.AnswerWaits>();
        services.AddScoped<Questions.ObstacleThread>();
        services.AddScoped<Reporting.HotspotTally>();
        services.AddScoped<Reporting.ObstacleDays>();
        services.AddScoped<Reporting.PeriodCitations>();
        services.AddScoped<History.ObstacleHistory>();
        services.AddHostedService<ObstacleSearchMaintenance>();
        services.AddHostedService<Clocks.ObstacleClockSweep>();
        services.AddHostedService<Reporting.CountPeriodCitationsAtStart>();
        Desk.ObstacleDeskRegistration.AddObstacleDesk(services);
        return services;
    }

    public static IEndpointRouteBuilder MapObstacles(this IEndpointRouteBuilder api)
    {
        api.MapObstacleEndpoints();
        return api;
    }

    /// <summary>The staff pages for obstacles: reporting and the obstacle's page with its actions.</summary>
    public static IEndpointRouteBuilder MapObstaclePages(this IEndpointRouteBuilder app)
    {
        Desk.ObstacleDeskEndpoints.MapObstacleDesk(app);
        return app;
    }
}
