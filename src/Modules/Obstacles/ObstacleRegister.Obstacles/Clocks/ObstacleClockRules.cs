using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Obstacles.Clocks;

/// <summary>
/// The notice a waiting report calls for today, if any. Each wait is a clock of its own: the coordinators' answer while
/// it is <c>submitted</c>, the reporting unit's while it is <c>needs_information</c>, both counted from
/// <c>awaiting_answer_since</c>, which every move into either status sets again. A notice is decided once per tier and
/// wait (its basis is the instant the wait began), so a report given back to the coordinators starts a new ladder.
/// </summary>
internal static class ObstacleClockRules
{
    /// <summary>The notice to decide, the day the wait began, the day it counts towards (answer due, or question lapsing) and its days.</summary>
    /// <param name="Days">Days left before the answer is due, days late after it, or days a question has waited.</param>
    public sealed record ClockNotice(string Tier, string Basis, DateOnly Since, DateOnly DueOn, int Days);

    /// <summary>
    /// The most advanced tier the wait has reached, or null. A report first seen already late is escalated without the
    /// reminder it missed: a reminder about a day that has passed helps nobody.
    /// </summary>
    public static ClockNotice? Due(ObstacleStatus status, DateTimeOffset since, DateOnly sinceDay, DateOnly today, ObstacleClockOptions options)
    {
        var basis = Basis(since);
        var waited = today.DayNumber - sinceDay.DayNumber;
        switch (status)
        {
            case ObstacleStatus.Submitted:
                var dueOn = sinceDay.AddDays(options.AnswerWithinDays);
                var left = dueOn.DayNumber - today.DayNumber;
                return left < 0 ? new(ObstacleEvents.AnswerOverdue, basis, sinceDay, dueOn, -left)
                    : left <= options.AnswerRemindDays ? new(ObstacleEvents.AnswerDue, basis, sinceDay, dueOn, left)
                    : null;
            case ObstacleStatus.NeedsInformation:
                var lapsesOn = sinceDay.AddDays(options.InformationLapseDays);
                return waited >= options.InformationLapseDays ? new(ObstacleEvents.InformationLapsed, basis, sinceDay, lapsesOn, waited)
                    : waited >= options.InformationRemindDays ? new(ObstacleEvents.InformationReminded, basis, sinceDay, lapsesOn, waited)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>Whether a notice of <paramref name="tier"/> is still to decide, given those decided for this wait.</summary>
    public static bool StillToDecide(string tier, IReadOnlySet<string> decided) =>
        !decided.Contains(tier) && !(tier == ObstacleEvents.AnswerDue && decided.Contains(ObstacleEvents.AnswerOverdue))
        && !(tier == ObstacleEvents.InformationReminded && decided.Contains(ObstacleEvents.InformationLapsed));

    /// <summary>The wait's start as stored text: the same instant always spells the same basis.</summary>
    public static string Basis(DateTimeOffset since) => since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture);
}
