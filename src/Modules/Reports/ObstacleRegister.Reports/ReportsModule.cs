using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.Reports.Public;

namespace ObstacleRegister.Reports;

/// <summary>Reports: weekly and monthly progress for the register and each unit, the backlog of guiding documents, and the public view.</summary>
public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder api)
    {
        api.MapReportEndpoints();
        api.MapPublicViewEndpoints();
        return api;
    }
}
