using MediatR;

namespace ObstacleRegister.Amendments.Contracts;

/// <summary>What the legal work does to its target; the same values as an obstacle's proposed route.</summary>
public enum AmendmentKind
{
    Amend,
    Supplement,
    Replace,
    Repeal,
    NewGuidance,
    Interpretation,
    TemporaryAdjustment,
}

/// <summary>The stage of the legal process an amendment is at.</summary>
public enum AmendmentStatus
{
    Planned,
    Drafting,
    Consultation,
    Appraisal,
    Submitted,
    Issued,
    InForce,
    Cancelled,
}

/// <summary>An amendment as other modules see it.</summary>
/// <param name="RegulationId">The target: the document amended, replaced or repealed, or the one new guidance guides.</param>
/// <param name="IssuedRegulationId">The document that was issued, once it is.</param>
public sealed record AmendmentSummary(
    Guid Id, string Title, AmendmentKind Kind, AmendmentStatus Status, Guid RegulationId, Guid DraftingUnitId, DateOnly DueOn,
    Guid? IssuedRegulationId);

/// <summary>An amendment in force that an obstacle is linked to.</summary>
public sealed record ObstacleRemedy(Guid ObstacleId, AmendmentSummary Amendment);

/// <summary>The amendments in force linked to any of these obstacles (two queries, not one per obstacle).</summary>
public sealed record GetRemediesOfObstacles(IReadOnlyCollection<Guid> ObstacleIds) : IRequest<IReadOnlyList<ObstacleRemedy>>;

/// <summary>What happened to one drafting unit's amendments in a period, and how late its open work is.</summary>
/// <param name="UnitId">The drafting unit.</param>
/// <param name="Opened">Opened in the period.</param>
/// <param name="Issued">Issued in the period (by date of issue).</param>
/// <param name="IssuedOnTime">Of those, issued on or before the first due date.</param>
/// <param name="InForce">Took effect in the period.</param>
/// <param name="Cancelled">Cancelled in the period.</param>
/// <param name="Overdue">Not issued by the as-of date, and due before it.</param>
/// <param name="DaysLate">The days those overdue amendments are late at the as-of date, summed.</param>
/// <param name="Stale">Open now with no check-in for more than 7 days.</param>
public sealed record AmendmentActivity(
    Guid UnitId, int Opened, int Issued, int IssuedOnTime, int InForce, int Cancelled, int Overdue, int DaysLate, int Stale, int AtRisk);

/// <summary>
/// Amendment figures per drafting unit for the instants [<paramref name="From"/>, <paramref name="To"/>) and the days
/// <paramref name="FirstDay"/> to <paramref name="LastDay"/>; overdue and days late as of <paramref name="AsOf"/>.
/// </summary>
public sealed record CountAmendmentActivity(
    DateTimeOffset From, DateTimeOffset To, DateOnly FirstDay, DateOnly LastDay, DateOnly AsOf, Guid? UnitId)
    : IRequest<IReadOnlyList<AmendmentActivity>>;

/// <summary>The whole register's amendments that took effect in one period of a trend, and those overdue at its as-of date.</summary>
public sealed record AmendmentTrendPoint(int InForce, int Overdue);

/// <summary>
/// For each period (its days <c>FirstDay</c> to <c>LastDay</c>, overdue judged at <c>AsOf</c>), in their order, what
/// <see cref="CountAmendmentActivity"/> counts as in force and overdue for the whole register (the same numbers), by
/// one query for all of them.
/// </summary>
public sealed record CountAmendmentTrend(IReadOnlyList<(DateOnly FirstDay, DateOnly LastDay, DateOnly AsOf)> Periods)
    : IRequest<IReadOnlyList<AmendmentTrendPoint>>;

/// <summary>A required guiding document not in force yet: the new-guidance amendment that should produce it.</summary>
/// <param name="RegulationId">The law or decree it is to guide.</param>
public sealed record GuidanceBacklogItem(
    Guid AmendmentId, string Title, AmendmentStatus Status, Guid RegulationId, Guid DraftingUnitId, string ResponsibleOfficial, DateOnly DueOn);

/// <summary>New-guidance amendments not in force yet (and not cancelled), soonest due first, paged by <paramref name="AfterDueOn"/>/<paramref name="AfterId"/>.</summary>
public sealed record GetGuidanceBacklog(DateOnly? AfterDueOn, Guid? AfterId, int Limit) : IRequest<IReadOnlyList<GuidanceBacklogItem>>;

/// <summary>An amendment as the public may read it: who answers for it, by when, how late. No check-in text.</summary>
/// <param name="DaysOverdue">Days past the current due date while open, today in the register's time zone.</param>
/// <param name="TotalDaysLate">Days past the first due date, up to issuance or today.</param>
/// <param name="AtRisk">Open, not late yet, and today's forecast says it will likely miss its due date.</param>
public sealed record PublicAmendment(
    Guid Id, string Title, AmendmentKind Kind, AmendmentStatus Status, Guid RegulationId, Guid DraftingUnitId, string OfficialName,
    string OfficialPosition, DateOnly DueOn, DateOnly OriginalDueOn, int DaysOverdue, int TotalDaysLate, Guid? IssuedRegulationId, bool AtRisk = false);

/// <summary>A page of amendments, soonest due first; <paramref name="NextCursor"/> is absent on the last page.</summary>
public sealed record PublicAmendmentPage(IReadOnlyList<PublicAmendment> Items, string? NextCursor);

/// <summary>
/// Amendments for the public responsibility view, soonest due first; one drafting unit or status when set; only work
/// still open (not issued, in force or cancelled) when <paramref name="Open"/> is true, only closed work when false.
/// </summary>
public sealed record ListPublicAmendments(Guid? DraftingUnitId, AmendmentStatus? Status, bool? Overdue, int Limit, string? Cursor, bool? Open = null)
    : IRequest<PublicAmendmentPage>;

/// <summary>The amendments (cancelled ones left out) whose target is one of these regulations, newest first; one query.</summary>
public sealed record GetAmendmentsTargeting(IReadOnlyCollection<Guid> RegulationIds) : IRequest<IReadOnlyList<AmendmentSummary>>;

/// <summary>
/// The amendments (not cancelled) due on the days <paramref name="FirstDay"/> to <paramref name="LastDay"/>, per
/// drafting unit, in the four statuses as of <paramref name="AsOf"/>, against today's due dates (a moved deadline
/// is the deadline).
/// </summary>
public sealed record CountAmendmentDeadlines(DateOnly FirstDay, DateOnly LastDay, DateOnly AsOf, Guid? UnitId) : IRequest<IReadOnlyList<AmendmentDeadlines>>;

/// <summary>One drafting unit's amendments due in a period: issued by the due date, issued after it, not issued and not due yet, not issued and late.</summary>
public sealed record AmendmentDeadlines(Guid UnitId, int DoneOnTime, int DoneLate, int OpenWithinDeadline, int Overdue);
