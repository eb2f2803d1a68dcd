using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.Notifications.Contracts;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Amendments.Notices;

/// <summary>
/// Once a week (from <see cref="NoticeOptions.DigestDay"/> at <see cref="NoticeOptions.DigestTime"/>, register time, or as
/// soon after as the service runs that week), each drafting unit with due-soon, overdue or stale work gets one email
/// listing it. A unit with nothing to report gets none.
/// </summary>
internal static class WeeklyDigests
{
    /// <summary>The digest day that starts the week the register is in, at <paramref name="localNow"/>.</summary>
    public static DateOnly WeekOf(DateTimeOffset localNow, NoticeOptions options)
    {
        var today = DateOnly.FromDateTime(localNow.DateTime);
        var back = ((int)today.DayOfWeek - (int)options.DigestDay + 7) % 7;
        if (back == 0 && TimeOnly.FromDateTime(localNow.DateTime) < options.DigestTime)
        {
            back = 7;
        }

        return today.AddDays(-back);
    }

    /// <summary>One round; answers how many digests were decided.</summary>
    public static async Task<int> RunRound(IServiceScopeFactory scopes, NoticeOptions options, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var clock = scope.ServiceProvider.GetRequiredService<AmendmentClock>();
        var week = WeekOf(clock.LocalNow, options);
        var decided = 0;
        foreach (var unitId in await mediator.Send(new FindUnitsOwedADigest(week), ct))
        {
            try
            {
                decided += await mediator.Send(new DecideDigest(unitId, week), ct) ? 1 : 0;
            }
            catch (PreconditionFailedException)
            {
                // Another instance decided this unit's digest first.
            }
        }

        return decided;
    }
}

/// <summary>The drafting units with work worth a digest and no digest yet this week.</summary>
internal sealed record FindUnitsOwedADigest(DateOnly WeekOf) : IQuery<IReadOnlyList<Guid>>;

internal sealed class FindUnitsOwedADigestHandler(IDbSession db, AmendmentClock clock, IOptions<NoticeOptions> options)
    : IRequestHandler<FindUnitsOwedADigest, IReadOnlyList<Guid>>
{
    private const string Query = """
        SELECT DISTINCT drafting_unit_id FROM amendment a
        WHERE a.is_open = 1 AND (a.due_on <= @DueUntil OR a.last_progress_at < @SilentBefore)
          AND NOT EXISTS (SELECT 1 FROM amendment_digest d WHERE d.unit_id = a.drafting_unit_id AND d.week_of = @WeekOf)
        """;

    public async Task<IReadOnlyList<Guid>> Handle(FindUnitsOwedADigest request, CancellationToken cancellationToken) =>
        await db.QueryAsync<Guid>(Query, new { DueUntil = DigestItems.DueUntil(clock, options.Value), SilentBefore = clock.StaleBefore, request.WeekOf }, cancellationToken);
}

/// <summary>Decides one unit's digest and queues its email, in one transaction; false when it has nothing to report any more.</summary>
internal sealed record DecideDigest(Guid UnitId, DateOnly WeekOf) : IRequest<bool>;

internal sealed class DecideDigestHandler(IDbSession db, IMediator mediator, AmendmentClock clock, NoticeEmails emails, IOptions<NoticeOptions> options, TimeProvider time)
    : IRequestHandler<DecideDigest, bool>
{
    private const string Items = $"""
        SELECT {AmendmentQueries.Columns} FROM amendment
        WHERE drafting_unit_id = @UnitId AND is_open = 1 AND (due_on <= @DueUntil OR last_progress_at < @SilentBefore)
        ORDER BY due_on, id
        """;

    private const string Insert = """
        INSERT INTO amendment_digest (id, unit_id, week_of, item_count, decided_at) VALUES (@Id, @UnitId, @WeekOf, @ItemCount, @Now)
        """;

    public async Task<bool> Handle(DecideDigest request, CancellationToken cancellationToken)
    {
        var dueUntil = DigestItems.DueUntil(clock, options.Value);
        var rows = await db.QueryAsync<AmendmentRow>(Items, new { request.UnitId, DueUntil = dueUntil, SilentBefore = clock.StaleBefore }, cancellationToken);
        var unit = await mediator.Send(new GetUnit(request.UnitId), cancellationToken);
        var regulations = (await mediator.Send(new GetRegulations([.. rows.Select(r => r.RegulationId).Distinct()]), cancellationToken)).ToDictionary(r => r.Id);
        var items = rows.SelectMany(row =>
            {
                var facts = emails.Facts(row, unit, regulations.GetValueOrDefault(row.RegulationId));
                return DigestItems.Sections(row, clock, dueUntil).Select(section => new DigestLine(section, facts));
            })
            .GroupBy(i => i.Section).SelectMany(g => g.Take(DigestItems.PerSection)).ToList();
        if (items.Count == 0)
        {
            return false;
        }

        var id = Guid.CreateVersion7();
        try
        {
            await db.ExecuteAsync(Insert, new { Id = id, request.UnitId, request.WeekOf, ItemCount = items.Count, Now = time.GetUtcNow() }, cancellationToken);
        }
        catch (Exception ex) when (db.Dialect.IsUniqueViolation(ex))
        {
            throw new PreconditionFailedException(0);
        }

        var message = new WeeklyDigestMessage(unit?.Name ?? "", clock.Today, items);
        await mediator.Send(new QueueEmail(message, id, unit?.ContactEmail is { } to ? [to] : []), cancellationToken);
        return true;
    }
}

internal static class DigestItems
{
    /// <summary>The most lines a section lists: a digest stays readable; the register lists the rest.</summary>
    public const int PerSection = 100;

    public static DateOnly DueUntil(AmendmentClock clock, NoticeOptions options) => clock.Today.AddDays(options.DueSoon.DefaultIfEmpty(14).Max());

    /// <summary>Where an amendment appears: overdue or due soon by its deadline, and also among the stale when check-ins stopped.</summary>
    public static IEnumerable<DigestSection> Sections(AmendmentRow row, AmendmentClock clock, DateOnly dueUntil)
    {
        if (clock.IsOverdue(row))
        {
            yield return DigestSection.Overdue;
        }
        else if (row.DueOn <= dueUntil)
        {
            yield return DigestSection.DueSoon;
        }

        if (clock.IsStale(row))
        {
            yield return DigestSection.Stale;
        }
    }
}
