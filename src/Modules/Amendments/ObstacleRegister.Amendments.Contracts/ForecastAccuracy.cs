using MediatR;

namespace ObstacleRegister.Amendments.Contracts;

/// <summary>
/// How the at-risk forecast did on the register's own past: as of each of the last <paramref name="Weeks"/> weeks, every
/// amendment then open and not yet late is forecast from only the history known that day, and the flags are compared
/// with what happened by each due date that has since passed.
/// </summary>
public sealed record GetForecastAccuracy(int Weeks) : IRequest<ForecastAccuracy>;

/// <summary>The backtest's figures. A due date is judged once it has passed: late when the work was not issued by it.</summary>
/// <param name="From">The first week's day, as of which the first forecasts were made.</param>
/// <param name="To">The last week's day.</param>
/// <param name="DueDatesJudged">Amendments' due dates, open and not yet late on some week's day, that have passed since.</param>
/// <param name="Flagged">Of those, the ones flagged at risk on some week's day before them.</param>
/// <param name="FlaggedAndLate">Flagged, and in fact late.</param>
/// <param name="Precision">FlaggedAndLate / Flagged: how often a flag was right; null with no flag.</param>
/// <param name="Late">Due dates judged that were missed.</param>
/// <param name="LateFlaggedAhead">Missed, and flagged at risk before they were.</param>
/// <param name="Recall">LateFlaggedAhead / Late: how much of the late work was seen coming; null when nothing was late.</param>
/// <param name="MedianLeadDays">For the late work flagged ahead, the median days between the first flag and the due date.</param>
/// <param name="ForecastsMade">How many forecasts the backtest made (an amendment on each week's day).</param>
public sealed record ForecastAccuracy(
    DateOnly From, DateOnly To, int Weeks, int DueDatesJudged, int Flagged, int FlaggedAndLate, double? Precision, int Late, int LateFlaggedAhead,
    double? Recall, int? MedianLeadDays, int ForecastsMade);
