using Microsoft.AspNetCore.Routing;
using System.Text.Encodings.Web;
using Microsoft.Extensions.WebEncoders;
using System.Text.Unicode;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.Reports.Public;
using ObstacleRegister.Reports.Site;

namespace ObstacleRegister.Reports;

/// <summary>Reports: weekly and monthly progress for the register and each unit, the backlog of guiding documents, and the public view.</summary>
public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        // The site's renderer writes Vietnamese as characters, not numeric references (a third of the page's bytes); markup
        // characters are still escaped.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<Public.PublicAnswerCache>();
        services.AddOptions<OpenData.OpenDataOptions>().BindConfiguration(OpenData.OpenDataOptions.Section);
        return services;
    }

    /// <summary>The public site, at the root of the host (outside <c>/api/v1</c>).</summary>
    public static IEndpointRouteBuilder MapPublicSite(this IEndpointRouteBuilder app)
    {
        SiteEndpoints.MapPublicSite(app);
        OpenData.OpenDataEndpoints.MapOpenData(app);
        return app;
    }

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder api)
    {
        api.MapReportEndpoints();
        api.MapPublicViewEndpoints();
        return api;
    }
}
