using MediatR;

namespace ObstacleRegister.Reports.Contracts;

/// <summary>The span a progress report covers: an ISO week (Monday to Sunday) or a calendar month.</summary>
public enum ReportPeriod
{
    Week,
    Month,
}

/// <summary>What happened to obstacles in the period.</summary>
/// <param name="Resolved">Resolved in the period, duplicates resolved with their master included.</param>
/// <param name="WaitingForInformation">Waiting now for the reporting unit to answer a coordinator's question.</param>
/// <param name="LongestWaitDays">Days the longest of those has waited, today in the register's time zone; null when none waits.</param>
public sealed record ObstacleFigures(int Received, int Accepted, int Rejected, int Duplicates, int Withdrawn, int Resolved, int WaitingForInformation, int? LongestWaitDays);

/// <summary>What happened to amendments in the period, and how late the work is.</summary>
/// <param name="Issued">Issued in the period, by date of issue.</param>
/// <param name="InForce">Took effect in the period.</param>
/// <param name="Overdue">Not issued by the report's as-of date and due before it.</param>
/// <param name="Stale">Open now, with no check-in for more than 7 days.</param>
/// <param name="TotalDaysLate">The days the overdue amendments are late at the as-of date, summed.</param>
/// <param name="OnTimeRate">Share of the amendments issued in the period that were issued by their first due date; null when none was issued.</param>
public sealed record AmendmentFigures(int Opened, int Issued, int InForce, int Cancelled, int Overdue, int Stale, int TotalDaysLate, double? OnTimeRate)
{
    /// <summary>Open now, not late yet, and today's forecast says it will likely miss its due date (<c>forecast.atRisk</c>).</summary>
    public int AtRisk { get; init; }
}

/// <summary>One unit's figures: obstacles it reported, amendments it drafts.</summary>
public sealed record UnitProgress(Guid UnitId, string? Code, string? Name, ObstacleFigures Obstacles, AmendmentFigures Amendments)
{
    /// <summary>The amendments it drafts and the answers its reports are owed, due in the period, in the four statuses.</summary>
    public DeadlineFigures DeadlineStatus { get; init; } = DeadlineFigures.None;
}

/// <summary>
/// The Government Office's four statuses of the work due in a period (by its due day, as of the report's as-of day):
/// done by the due day, done after it, not done and not due yet (due on the as-of day is still within), not done and late.
/// </summary>
/// <param name="DoneOnTime">Done (issued, or answered) by its due day.</param>
/// <param name="DoneLate">Done after its due day.</param>
/// <param name="OpenWithinDeadline">Not done by the as-of day, which is not past its due day.</param>
/// <param name="Overdue">Not done by the as-of day, which is past its due day.</param>
public sealed record DeadlineStatus(int DoneOnTime, int DoneLate, int OpenWithinDeadline, int Overdue)
{
    public static readonly DeadlineStatus None = new(0, 0, 0, 0);

    public static DeadlineStatus Sum(IEnumerable<DeadlineStatus> all) => all.Aggregate(None, (a, b) =>
        new(a.DoneOnTime + b.DoneOnTime, a.DoneLate + b.DoneLate, a.OpenWithinDeadline + b.OpenWithinDeadline, a.Overdue + b.Overdue));
}

/// <summary>The four statuses for the drafters' amendments (issued by the due date) and the coordinators' answers to reports (answered by the due day).</summary>
public sealed record DeadlineFigures(DeadlineStatus Amendments, DeadlineStatus Answers)
{
    public static readonly DeadlineFigures None = new(DeadlineStatus.None, DeadlineStatus.None);
}

/// <summary>How quickly reports were answered in the period (the answers given in it).</summary>
/// <param name="Answered">Reports answered in the period: accepted, rejected, marked duplicate, or asked a question.</param>
/// <param name="MedianDaysToAnswer">Median register days from the report's submission (or its answer to a question) to the coordinators' answer; null when none was given.</param>
/// <param name="AnsweredWithinDeadline">Share answered by their due day (<c>Obstacles:AnswerWithinDays</c>, 15); null when none was given.</param>
public sealed record AnswerTime(int Answered, double? MedianDaysToAnswer, double? AnsweredWithinDeadline)
{
    public static readonly AnswerTime None = new(0, null, null);
}

/// <summary>One coordinating unit's answers in the period.</summary>
public sealed record UnitAnswerTime(Guid UnitId, string? Code, string? Name, AnswerTime Answers);

/// <summary>A regulation and how many obstacles received in the period cite it.</summary>
public sealed record CitedRegulation(Guid RegulationId, string? Symbol, string? Title, int Obstacles);

/// <summary>A weekly or monthly progress report, for the register or one unit.</summary>
/// <param name="From">First day of the period, in the register's time zone.</param>
/// <param name="To">Last day of the period.</param>
/// <param name="AsOf">The day overdue work and days late are judged at: the last day, or today while the period runs.</param>
/// <param name="UnitId">The unit the report is for; absent for the whole register.</param>
/// <param name="Obstacles">Totals over the scope.</param>
/// <param name="Amendments">Totals over the scope.</param>
/// <param name="MedianDaysToResolution">Median days from report to resolution of the obstacles resolved in the period; null when none was.</param>
/// <param name="Units">The same figures per unit that had any activity, by unit code.</param>
/// <param name="MostCitedRegulations">The regulations cited by the most obstacles received in the period.</param>
public sealed record ProgressReport(
    ReportPeriod Period, DateOnly From, DateOnly To, DateOnly AsOf, Guid? UnitId, ObstacleFigures Obstacles, AmendmentFigures Amendments,
    double? MedianDaysToResolution, IReadOnlyList<UnitProgress> Units, IReadOnlyList<CitedRegulation> MostCitedRegulations)
{
    /// <summary>The work due in the period over the scope, in the four statuses.</summary>
    public DeadlineFigures DeadlineStatus { get; init; } = DeadlineFigures.None;

    /// <summary>The answers given in the period over the scope (to the unit's reports, for a unit's report).</summary>
    public AnswerTime AnswerTime { get; init; } = AnswerTime.None;

    /// <summary>The same per coordinating unit that answered, by unit code.</summary>
    public IReadOnlyList<UnitAnswerTime> AnswerTimes { get; init; } = [];
}

/// <summary>The progress report for the period containing <paramref name="On"/>; for one unit when <paramref name="UnitId"/> is set.</summary>
public sealed record GetProgressReport(ReportPeriod Period, DateOnly On, Guid? UnitId) : IRequest<ProgressReport>;
