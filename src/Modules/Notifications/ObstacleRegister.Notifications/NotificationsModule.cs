using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using ObstacleRegister.Notifications.Rendering;
using ObstacleRegister.Notifications.Sending;

namespace ObstacleRegister.Notifications;

/// <summary>Notifications: the email outbox other modules queue into, rendered in Vietnamese and English and sent over SMTP.</summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection("Notifications:Smtp"))
            .Validate(o => !o.IsEnabled || (MailboxAddress.TryParse(o.From, out _) && o.Port is > 0 and <= 65535 && o.Timeout > TimeSpan.Zero
                    && Enum.IsDefined(o.Security)),
                "Notifications:Smtp needs a From address, a port and a timeout when Notifications:Smtp:Host is set.")
            .ValidateOnStart();
        services.AddOptions<RecipientOptions>().Bind(configuration.GetSection("Notifications"))
            .Validate(o => o.IsValid, "Notifications: PublicBaseUrl must be absolute, CoordinatorsEmail and LeadershipEmail comma-separated addresses.")
            .ValidateOnStart();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection("Notifications:Email"))
            .Validate(o => o.SendInterval > TimeSpan.Zero && o.MaxAttempts > 0 && o.RetryBaseDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.RetryBaseDelay,
                "Notifications:Email settings are out of range.")
            .ValidateOnStart();
        services.AddSingleton<IEmailTemplate, AmendmentNoticeEmail>();
        services.AddSingleton<IEmailTemplate, WeeklyDigestEmail>();
        services.AddSingleton<IEmailTemplate, ReviewReminderEmail>();
        services.AddSingleton<IEmailTemplate, ObstacleClockEmail>();
        services.AddSingleton<IEmailTemplate, InformationRequestEmail>();
        services.AddSingleton<IEmailTemplate, SignInLinkEmail>();
        services.AddSingleton<EmailRenderer>();
        services.AddScoped<SmtpMailer>();
        services.AddHostedService<EmailDispatcher>();
        services.AddHostedService<SayWhetherEmailIsOn>();
        return services;
    }
}

/// <summary>Says once at start whether email goes out, and where, so an operator never wonders why no reminder arrived.</summary>
internal sealed partial class SayWhetherEmailIsOn(IOptions<SmtpOptions> smtp, ILogger<SayWhetherEmailIsOn> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = smtp.Value;
        if (!settings.IsEnabled)
        {
            LogOff(logger);
        }
        else
        {
            LogOn(logger, settings.Host!, settings.Port, settings.Security, settings.From);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email is off: Notifications:Smtp:Host is not set. Notices are recorded, published to the change feed and webhooks, and their emails recorded as skipped.")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email goes through {Host}:{Port} ({Security}) from {From}")]
    private static partial void LogOn(ILogger logger, string host, int port, SecureSocketOptions security, string from);
}
