using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ObstacleRegister.Regulations;

/// <summary>The legal documents obstacles are tied to: register, update, read and search them.</summary>
public static class RegulationsModule
{
    public static IServiceCollection AddRegulations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Reviews.ReviewReminderOptions>().Bind(configuration.GetSection("Notifications"))
            .Validate(o => o.IsValid, "Notifications: RemindReviewAfterDays must be positive and EscalateReviewAfterDays larger.")
            .ValidateOnStart();
        services.AddScoped<RegulationWriter>();
        services.AddScoped<Reviews.ReviewFlags>();
        services.AddHostedService<Reviews.ReviewReminderSweep>();
        return services;
    }

    public static IEndpointRouteBuilder MapRegulations(this IEndpointRouteBuilder api)
    {
        api.MapRegulationEndpoints();
        return api;
    }
}
