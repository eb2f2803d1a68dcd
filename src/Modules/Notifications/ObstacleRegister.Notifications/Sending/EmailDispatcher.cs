using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Background;

namespace ObstacleRegister.Notifications.Sending;

/// <summary>
/// Started with the host when email is on: sends what the outbox holds, a batch per connection, outside any
/// transaction (a slow SMTP server never holds the database); each outcome is recorded in its own.
/// </summary>
internal sealed partial class EmailDispatcher(
    IServiceScopeFactory scopes, IOptions<SmtpOptions> smtp, IOptions<EmailOptions> options, LoopSupervisor supervisor)
    : SupervisedLoop(supervisor)
{
    private const int Batch = 20;

    protected override TimeSpan Interval => options.Value.SendInterval;

    protected override bool IsNeeded => smtp.Value.IsEnabled;

    protected override Task RunOnce(CancellationToken ct) => RunRound(scopes, Logger, ct);

    /// <summary>One round: batches while they come back full. Answers how many emails were sent.</summary>
    internal static async Task<int> RunRound(IServiceScopeFactory scopes, ILogger logger, CancellationToken ct)
    {
        var sent = 0;
        await using (var probe = scopes.CreateAsyncScope())
        {
            if (!await probe.ServiceProvider.GetRequiredService<IMediator>().Send(new AnyEmailDue(), ct))
            {
                return 0;
            }
        }

        IReadOnlyList<ClaimedEmail> due;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            due = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ClaimDueEmails(Batch), ct);
            if (due.Count == 0)
            {
                break;
            }

            foreach (var (email, result, error) in await scope.ServiceProvider.GetRequiredService<SmtpMailer>().Send(due, ct))
            {
                await using var attemptScope = scopes.CreateAsyncScope();
                var outcome = await attemptScope.ServiceProvider.GetRequiredService<IMediator>().Send(new RecordEmailAttempt(email, result, error), ct);
                if (outcome == "sent")
                {
                    sent++;
                }
                else
                {
                    LogNotSent(logger, email.Id, error, outcome);
                }
            }
        }
        while (due.Count == Batch && !ct.IsCancellationRequested);

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Id} was not sent ({Error}); now {Outcome}")]
    private static partial void LogNotSent(ILogger logger, Guid id, string? error, string outcome);
}
