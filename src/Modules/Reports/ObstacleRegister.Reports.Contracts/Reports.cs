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
public sealed record AmendmentFigures(int Opened, int Issued, int InForce, int Cancelled, int Overdue, int Stale, int TotalDaysLate, double? OnTimeRate);

/// <summary>One unit's figures: obstacles it reported, amendments it drafts.</summary>
public sealed record UnitProgress(Guid UnitId, string? Code, string? Name, ObstacleFigures Obstacles, AmendmentFigures Amendments);

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
    double? MedianDaysToResolution, IReadOnlyList<UnitProgress> Units, IReadOnlyList<CitedRegulation> MostCitedRegulations);

/// <summary>The progress report for the period containing <paramref name="On"/>; for one unit when <paramref name="UnitId"/> is set.</summary>
public sealed record GetProgressReport(ReportPeriod Period, DateOnly On, Guid? UnitId) : IRequest<ProgressReport>;
