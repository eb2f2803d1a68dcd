using ObstacleRegister.Notifications.Contracts;
using ObstacleRegister.Amendments.Contracts;
using System.Globalization;
using ObstacleRegister.BuildingBlocks.Changes;

namespace ObstacleRegister.Amendments.Notices;

/// <summary>Bound from <c>Notifications</c>: when late and silent work is noticed, and how often that is checked.</summary>
public sealed class NoticeOptions
{
    /// <summary>How often the rules are evaluated.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Days before the due date when the drafting unit is reminded, comma-separated.</summary>
    public string DueSoonDays { get; set; } = "14,3";

    /// <summary>Days past the due date when overdue work is escalated: the first to the coordinators, the next to their leadership.</summary>
    public string EscalateOverdueAfterDays { get; set; } = "7,30";

    /// <summary>Days without a check-in after which stale work is escalated to the coordinators (it is stale after 7).</summary>
    public int EscalateStaleAfterDays { get; set; } = 14;

    /// <summary>The day of the week the digest goes out, in the register's time zone.</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>The time of day from which the digest goes out, in the register's time zone.</summary>
    public TimeOnly DigestTime { get; set; } = new(7, 0);

    internal int[] DueSoon => Days(DueSoonDays);

    internal int[] OverdueEscalations => Days(EscalateOverdueAfterDays);

    internal bool IsValid =>
        CheckInterval > TimeSpan.Zero && TryDays(DueSoonDays, out _) && TryDays(EscalateOverdueAfterDays, out _)
        && EscalateStaleAfterDays > AmendmentClock.StaleAfterDays;

    private static int[] Days(string text) => TryDays(text, out var days) ? days : [];

    private static bool TryDays(string text, out int[] days)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        days = [.. parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is > 0 and <= 366 ? d : -1).Distinct().Order()];
        return days.Length > 0 && days.All(d => d > 0);
    }
}

/// <summary>One notice the rules call for: its tier, the change-feed event it publishes, who it is for, and what it counts from.</summary>
internal sealed record NoticeTier(string Tier, string Event, string Audience, string Basis);

/// <summary>
/// The ladder of notices for one open amendment today. Only the most advanced step of each ladder reached is called
/// for (an amendment registered 40 days late is escalated to the second tier at once, not walked through the first),
/// and each is keyed by its basis, so a moved deadline or a new check-in starts its ladder again.
/// </summary>
internal static class NoticeRules
{
    public const string ToDraftingUnit = "drafting_unit,responsible_official";
    public const string ToDraftingUnitOnly = "drafting_unit";
    public const string ToCoordinators = "coordinators";
    public const string ToCoordinatorsLeadership = "coordinators_leadership";

    /// <summary>A tier's place on its ladder, for notices decided in the same round (they share the instant).</summary>
    public static int Rank(string tier) => tier switch
    {
        "at_risk" => 0,
        _ when tier.StartsWith("due_soon_", StringComparison.Ordinal) => 0,
        "overdue" => 1,
        _ when tier.StartsWith("overdue_escalated_", StringComparison.Ordinal) => 2,
        "stale" => 3,
        _ => 4,
    };

    /// <summary>The text an email about a tier is written from: its ladder step without the configured days.</summary>
    public static AmendmentNoticeKind EmailKind(string tier) => tier switch
    {
        _ when tier.StartsWith("due_soon_", StringComparison.Ordinal) => AmendmentNoticeKind.DueSoon,
        _ when tier.StartsWith("overdue_escalated_", StringComparison.Ordinal) => AmendmentNoticeKind.OverdueEscalated,
        _ when tier.StartsWith("stale_escalated_", StringComparison.Ordinal) => AmendmentNoticeKind.StaleEscalated,
        "overdue" => AmendmentNoticeKind.Overdue,
        "stale" => AmendmentNoticeKind.Stale,
        "at_risk" => AmendmentNoticeKind.AtRisk,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "No email says this tier."),
    };

    /// <summary>The event a stored tier published.</summary>
    public static string EventOf(string tier) => tier switch
    {
        _ when tier.StartsWith("due_soon_", StringComparison.Ordinal) => AmendmentEvents.DueSoon,
        "overdue" => AmendmentEvents.Overdue,
        "stale" => AmendmentEvents.Stale,
        "at_risk" => AmendmentEvents.AtRisk,
        _ => AmendmentEvents.Escalated,
    };

    /// <param name="atRisk">The amendment's forecast for its current version, made today, says it is at risk.</param>
    public static IEnumerable<NoticeTier> Due(AmendmentRow row, DateOnly today, DateOnly lastCheckIn, NoticeOptions options, bool atRisk = false)
    {
        if (!row.IsOpen)
        {
            yield break;
        }

        var dueBasis = row.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var daysLeft = row.DueOn.DayNumber - today.DayNumber;
        if (daysLeft >= 0)
        {
            // Once per deadline, like the other tiers: a moved deadline may be at risk again.
            if (atRisk)
            {
                yield return new NoticeTier("at_risk", AmendmentEvents.AtRisk, ToDraftingUnit, dueBasis);
            }

            if (options.DueSoon.Where(d => daysLeft <= d).DefaultIfEmpty(-1).Min() is var days and > 0)
            {
                yield return new NoticeTier($"due_soon_{days}", AmendmentEvents.DueSoon, ToDraftingUnit, dueBasis);
            }
        }
        else
        {
            yield return new NoticeTier("overdue", AmendmentEvents.Overdue, ToDraftingUnit, dueBasis);
            var escalations = options.OverdueEscalations;
            var reached = Array.FindLastIndex(escalations, d => -daysLeft >= d);
            if (reached >= 0)
            {
                yield return new NoticeTier(
                    $"overdue_escalated_{escalations[reached]}", AmendmentEvents.Escalated, reached == 0 ? ToCoordinators : ToCoordinatorsLeadership, dueBasis);
            }
        }

        var silentDays = today.DayNumber - lastCheckIn.DayNumber;
        var checkInBasis = row.LastProgressAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        if (silentDays > AmendmentClock.StaleAfterDays)
        {
            yield return new NoticeTier("stale", AmendmentEvents.Stale, ToDraftingUnitOnly, checkInBasis);
        }

        if (silentDays > options.EscalateStaleAfterDays)
        {
            yield return new NoticeTier($"stale_escalated_{options.EscalateStaleAfterDays}", AmendmentEvents.Escalated, ToCoordinators, checkInBasis);
        }
    }
}
