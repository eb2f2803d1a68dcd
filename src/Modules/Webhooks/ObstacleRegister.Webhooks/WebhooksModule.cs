using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ObstacleRegister.Webhooks.Delivery;
using ObstacleRegister.Webhooks.Endpoints;
using ObstacleRegister.Webhooks.Secrets;

namespace ObstacleRegister.Webhooks;

/// <summary>Webhooks: endpoints admins register, delivered from the change log after commit, signed, retried, logged.</summary>
public static class WebhooksModule
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection("Webhooks"))
            .Validate(o => o.MaxAttempts > 0 && o.DispatchInterval > TimeSpan.Zero && o.Timeout > TimeSpan.Zero, "Webhooks settings are out of range.")
            .ValidateOnStart();
        services.AddHttpClient(WebhookSender.ClientName, (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = TargetRules.Connect(sp.GetRequiredService<IOptions<WebhookOptions>>().Value),
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        services.AddScoped<WebhookSender>();
        services.AddSingleton<WebhookSecrets>();
        services.AddScoped<IHostAddressResolver, DnsHostAddressResolver>();
        services.AddHostedService<SealStoredSecretsAtStart>();
        services.AddHostedService<WebhookDispatcher>();
        services.AddHostedService<DeliveryRetention>();
        return services;
    }

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder api)
    {
        api.MapWebhookEndpoints();
        return api;
    }
}
