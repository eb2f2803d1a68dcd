using MediatR;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Reports.Public;

using ObstacleRegister.Reports.OpenData;

namespace ObstacleRegister.Reports.Site;

/// <summary>A drafting unit's record over the scorecard's twelve months.</summary>
/// <param name="Issued">Amendments it issued in the twelve months.</param>
/// <param name="OnTimeRate">Share of those issued by their first due date; null when none was issued.</param>
/// <param name="Overdue">Its open work past due today.</param>
/// <param name="Stale">Its open work without a check-in for more than 7 days.</param>
/// <param name="MedianDaysToResolution">Over the obstacles it reported that were resolved in the twelve months.</param>
/// <param name="Due">Its amendments due in the twelve months, in the four deadline statuses as of today.</param>
internal sealed record UnitScorecard(
    PublicUnit Unit, int Issued, double? OnTimeRate, int Overdue, int DaysLate, int Stale, double? MedianDaysToResolution, Reports.Contracts.DeadlineStatus Due);

/// <summary>Who answers for the open work: every open amendment, most overdue first, and each drafting unit's scorecard.</summary>
internal sealed record ResponsibilityPage(
    Guid? UnitId, AmendmentStatus? Stage, Page<PublicAmendmentItem> Amendments, DateOnly ScorecardFrom, DateOnly ScorecardTo,
    IReadOnlyList<UnitScorecard> Scorecards, IReadOnlyList<Reports.Contracts.UnitAnswerTime> AnswerTimes, Reports.Contracts.DeadlineStatus AnswersDue) : ISitePage
{
    /// <summary>The stages open work can be at: the stage filter's choices.</summary>
    public static readonly AmendmentStatus[] OpenStages =
        [AmendmentStatus.Planned, AmendmentStatus.Drafting, AmendmentStatus.Consultation, AmendmentStatus.Appraisal, AmendmentStatus.Submitted];

    public IReadOnlyList<SiteTable> Tables() =>
    [
        new("amendments", ["title", "regulation", "drafting_unit", "responsible_official", "position", "due_on", "stage", "at_risk", "days_overdue"],
            [.. Amendments.Items.Select(a => (IReadOnlyList<object?>)[
                new Linked(a.Title, PublicPaths.Amendment(a.Id)), Linked.To(a.Regulation?.Symbol, PublicPaths.Regulation(a.Regulation?.Id ?? Guid.Empty)), a.DraftingUnit?.Name, a.ResponsibleOfficial.Name, a.ResponsibleOfficial.Position, a.DueOn, a.Status,
                a.AtRisk, a.DaysOverdue])]),
        new("scorecards", [
                "unit_code", "unit", "issued", "on_time_rate", "overdue", "days_late", "stale", "median_days_to_resolution",
                "due_done_on_time", "due_done_late", "due_open_within_deadline", "due_overdue"],
            [.. Scorecards.Select(s => (IReadOnlyList<object?>)[
                s.Unit.Code, s.Unit.Name, s.Issued, Share.Of(s.OnTimeRate), s.Overdue, s.DaysLate, s.Stale, s.MedianDaysToResolution,
                s.Due.DoneOnTime, s.Due.DoneLate, s.Due.OpenWithinDeadline, s.Due.Overdue])]),
        new("answers", ["unit_code", "unit", "answers", "median_days_to_answer", "answered_within_deadline"],
            [.. AnswerTimes.Select(a => (IReadOnlyList<object?>)[
                a.Code, a.Name, a.Answers.Answered, a.Answers.MedianDaysToAnswer, Share.Of(a.Answers.AnsweredWithinDeadline)])]),
        new("answers_due", ["due_done_on_time", "due_done_late", "due_open_within_deadline", "due_overdue"],
            [[AnswersDue.DoneOnTime, AnswersDue.DoneLate, AnswersDue.OpenWithinDeadline, AnswersDue.Overdue]]),
    ];
}

internal sealed record LoadResponsibilityPage(Guid? UnitId, AmendmentStatus? Stage, string? Cursor) : IQuery<ResponsibilityPage>;

internal sealed class LoadResponsibilityPageHandler(IMediator mediator, RegisterCalendar calendar) : IRequestHandler<LoadResponsibilityPage, ResponsibilityPage>
{
    public const int PageSize = 50;

    public async Task<ResponsibilityPage> Handle(LoadResponsibilityPage request, CancellationToken cancellationToken)
    {
        var amendments = await mediator.Send(new ListPublicAmendmentItems(request.UnitId, request.Stage, null, PageSize, request.Cursor, Open: true), cancellationToken);
        var today = calendar.Today;
        var from = today.AddYears(-1).AddDays(1);
        var (start, end) = (calendar.StartOfDay(from), calendar.StartOfDay(today.AddDays(1)));
        var activity = await mediator.Send(new CountAmendmentActivity(start, end, from, today, today, null), cancellationToken);
        var medians = (await mediator.Send(new MedianDaysToResolutionByUnit(start, end), cancellationToken)).ToDictionary(m => m.UnitId, m => m.MedianDays);
        var deadlines = await Progress.PeriodDeadlines.Count(mediator, from, today, today, start, end, null, cancellationToken);
        var units = await Names.Units(mediator, activity.Select(a => a.UnitId), cancellationToken);
        var scorecards = activity
            .Where(a => units.ContainsKey(a.UnitId))
            .Select(a => new UnitScorecard(
                units[a.UnitId], a.Issued, a.Issued == 0 ? null : Math.Round((double)a.IssuedOnTime / a.Issued, 3), a.Overdue, a.DaysLate, a.Stale,
                medians.TryGetValue(a.UnitId, out var median) ? median : null, deadlines.Of(a.UnitId).Amendments))
            .OrderByDescending(s => s.Overdue).ThenByDescending(s => s.DaysLate).ThenBy(s => s.Unit.Code, StringComparer.Ordinal)
            .ToList();
        return new ResponsibilityPage(
            request.UnitId, request.Stage, amendments, from, today, scorecards, deadlines.AnswerTimes, deadlines.Total.Answers);
    }
}
