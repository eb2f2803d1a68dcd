using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.Amendments.Calendar;
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
        services.AddOptions<Notices.NoticeOptions>().Bind(configuration.GetSection("Notifications"))
            .Validate(o => o.IsValid, "Notifications: CheckInterval must be positive, DueSoonDays and EscalateOverdueAfterDays comma-separated days (1-366), EscalateStaleAfterDays more than 7.")
            .ValidateOnStart();
        services.AddScoped<AmendmentClock>();
        services.AddScoped<AmendmentWriter>();
        services.AddScoped<Forecasts.StagePaceLog>();
        services.AddScoped<AmendmentHistory>();
        services.AddScoped<Notices.NoticeEmails>();
        services.AddScoped<ObstacleLinks>();
        services.AddScoped<InForceTransition>();
        services.AddHostedService<InForceSweep>();
        services.AddHostedService<Telemetry.AmendmentGauges>();
        services.AddHostedService<Notices.NoticeSweep>();
        services.AddScoped<ObstacleRegister.Pages.IDeskSection, Desk.DrafterDeskSection>();
        services.AddScoped<ObstacleRegister.Pages.IDeskSection, Desk.OfficialDeskSection>();
        return services;
    }

    public static IEndpointRouteBuilder MapAmendments(this IEndpointRouteBuilder api)
    {
        api.MapAmendmentEndpoints();
        api.MapCalendarFeeds();
        return api;
    }

    /// <summary>The staff pages for amendments: the amendment's page with its check-in, deadline and issuance forms.</summary>
    public static IEndpointRouteBuilder MapAmendmentPages(this IEndpointRouteBuilder app)
    {
        Desk.AmendmentDeskEndpoints.MapAmendmentDesk(app);
        return app;
    }
}
