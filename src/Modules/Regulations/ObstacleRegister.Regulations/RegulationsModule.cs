using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ObstacleRegister.Regulations;

/// <summary>The legal documents obstacles are tied to: register, update, read and search them.</summary>
public static class RegulationsModule
{
    public static IServiceCollection AddRegulations(this IServiceCollection services)
    {
        services.AddScoped<RegulationWriter>();
        services.AddScoped<Reviews.ReviewFlags>();
        return services;
    }

    public static IEndpointRouteBuilder MapRegulations(this IEndpointRouteBuilder api)
    {
        api.MapRegulationEndpoints();
        return api;
    }
}
