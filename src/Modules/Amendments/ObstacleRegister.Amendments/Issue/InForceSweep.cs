using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Background;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Security;

namespace ObstacleRegister.Amendments.Issue;

/// <summary>Bound from <c>Amendments</c>.</summary>
public sealed class AmendmentOptions
{
    /// <summary>How often issued amendments are checked for an effective date reached. A minute keeps the delay after midnight small.</summary>
    public TimeSpan InForceCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The issued amendments whose effective date has come, oldest first, a batch at a time.</summary>
internal sealed record FindAmendmentsDueInForce(DateOnly Today, int Limit) : IQuery<IReadOnlyList<Guid>>;

internal sealed class FindAmendmentsDueInForceHandler(IDbSession db) : IRequestHandler<FindAmendmentsDueInForce, IReadOnlyList<Guid>>
{
    private const string Due = "SELECT id FROM amendment WHERE status = 'issued' AND effective_on <= @Today ORDER BY effective_on, id";

    public Task<IReadOnlyList<Guid>> Handle(FindAmendmentsDueInForce request, CancellationToken cancellationToken) =>
        db.QueryAsync<Guid>(db.Dialect.Limit(Due), new { request.Today, request.Limit }, cancellationToken);
}

/// <summary>
/// Puts one issued amendment in force if its effective date has come; false when there is nothing to do
/// (another instance, or an earlier round, did it). The conditional save makes two instances safe: the second
/// one's update matches no row, it answers 412 inside, and its transaction rolls back.
/// </summary>
internal sealed record BringAmendmentIntoForce(Guid Id) : IRequest<bool>;

internal sealed class BringAmendmentIntoForceHandler(IDbSession db, InForceTransition inForce, AmendmentWriter writer)
    : IRequestHandler<BringAmendmentIntoForce, bool>
{
    public async Task<bool> Handle(BringAmendmentIntoForce request, CancellationToken cancellationToken)
    {
        var row = await AmendmentQueries.Find(db, request.Id, cancellationToken);
        if (row is null || row.StatusValue != AmendmentStatus.Issued || row.EffectiveOn > writer.Today)
        {
            return false;
        }

        await inForce.Enter(row, Actor.Register, cancellationToken);
        return true;
    }
}

/// <summary>
/// Started with the host: moves issued amendments to in_force on their effective date in the register's time
/// zone. Each amendment is its own transaction, so one failing cascade is logged and retried next round
/// without holding the others back.
/// </summary>
internal sealed partial class InForceSweep(
    IServiceScopeFactory scopes, IOptions<AmendmentOptions> options, LoopSupervisor supervisor)
    : SupervisedLoop(supervisor)
{
    private const int BatchSize = 100;

    protected override TimeSpan Interval => options.Value.InForceCheckInterval;

    protected override async Task RunOnce(CancellationToken ct) => await RunRound(scopes, Logger, ct);

    /// <summary>One round; answers how many amendments entered into force.</summary>
    internal static async Task<int> RunRound(IServiceScopeFactory scopes, ILogger logger, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var today = scope.ServiceProvider.GetRequiredService<AmendmentClock>().Today;
        var entered = 0;
        var attempted = new HashSet<Guid>();
        while (!ct.IsCancellationRequested)
        {
            // Ids tried this round are skipped, so an amendment that fails (or that another instance took) cannot loop the round.
            var due = (await mediator.Send(new FindAmendmentsDueInForce(today, BatchSize + attempted.Count), ct)).Where(attempted.Add).ToList();
            if (due.Count == 0)
            {
                break;
            }

            foreach (var id in due)
            {
                try
                {
                    entered += await mediator.Send(new BringAmendmentIntoForce(id), ct) ? 1 : 0;
                }
                catch (PreconditionFailedException)
                {
                    // Another instance moved it first; its cascade is the one that counts.
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, id, ex);
                }
            }
        }

        if (entered > 0)
        {
            LogEntered(logger, entered, today);
        }

        return entered;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} amendments entered into force on {Today}")]
    private static partial void LogEntered(ILogger logger, int count, DateOnly today);

    [LoggerMessage(Level = LogLevel.Error, Message = "Amendment {Id} could not enter into force; it is retried next round")]
    private static partial void LogFailed(ILogger logger, Guid id, Exception exception);
}
