using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.Amendments.History;
using ObstacleRegister.Amendments.Issue;
using ObstacleRegister.Amendments.Link;

namespace ObstacleRegister.Amendments;

/// <summary>Amendments: the legal work that removes obstacles, its deadlines and progress, and the cascade when it takes effect.</summary>
public static class AmendmentsModule
{
    public static IServiceCollection AddAmendments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AmendmentOptions>(configuration.GetSection("Amendments"));
        services.AddScoped<AmendmentClock>();
        services.AddScoped<AmendmentWriter>();
        services.AddScoped<AmendmentHistory>();
        services.AddScoped<ObstacleLinks>();
        services.AddScoped<InForceTransition>();
        services.AddHostedService<InForceSweep>();
        services.AddHostedService<Telemetry.AmendmentGauges>();
        return services;
    }

    public static IEndpointRouteBuilder MapAmendments(this IEndpointRouteBuilder api)
    {
        api.MapAmendmentEndpoints();
        return api;
    }
}
