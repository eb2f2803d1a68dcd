using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ObstacleRegister.Reports;

/// <summary>Reports: weekly and monthly progress for the register and each unit, and the backlog of guiding documents.</summary>
public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder api)
    {
        api.MapReportEndpoints();
        return api;
    }
}
