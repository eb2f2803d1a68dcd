namespace ObstacleRegister.Notifications.Contracts;

/// <summary>
/// What an email says, as parameters the compiler checks where the email is queued: one record per kind of email,
/// each rendered by its own text in both languages. A <c>Path</c> (relative, such as <c>api/v1/amendments/…</c>)
/// becomes a link under the register's public address when one is configured.
/// </summary>
public abstract record EmailMessage;

/// <summary>What every email about one amendment shows of it.</summary>
/// <param name="Regulation">The symbol of the document it targets.</param>
/// <param name="Official">The responsible official, with their position, if named.</param>
/// <param name="DaysLeft">Days until <paramref name="DueOn"/>, 0 once it has passed.</param>
/// <param name="DaysSinceCheckIn">Days since the last check-in (or since it opened).</param>
public sealed record AmendmentFacts(
    string Title, string Regulation, string DraftingUnit, string? Official, DateOnly DueOn, int DaysLeft, int DaysOverdue,
    int DaysSinceCheckIn, DateOnly LastCheckIn, string Path);

/// <summary>Which reminder or escalation an amendment notice is.</summary>
public enum AmendmentNoticeKind
{
    DueSoon,
    Overdue,
    OverdueEscalated,
    Stale,
    StaleEscalated,
    AtRisk,
}

/// <summary>A reminder or escalation about one amendment.</summary>
public sealed record AmendmentNoticeMessage(AmendmentNoticeKind Kind, AmendmentFacts Amendment) : EmailMessage;

/// <summary>The parts of a weekly digest.</summary>
public enum DigestSection
{
    DueSoon,
    Overdue,
    Stale,
}

/// <summary>One line of a weekly digest.</summary>
public sealed record DigestLine(DigestSection Section, AmendmentFacts Amendment);

/// <summary>A unit's weekly list of due-soon, overdue and stale work; every section is shown, empty ones as "nothing".</summary>
/// <param name="Unit">The unit's name.</param>
/// <param name="AsOf">The day the list was made.</param>
public sealed record WeeklyDigestMessage(string Unit, DateOnly AsOf, IReadOnlyList<DigestLine> Lines) : EmailMessage;

/// <summary>Whether a review reminder is the first or the escalation.</summary>
public enum ReviewReminderKind
{
    Reminded,
    Escalated,
}

/// <summary>A regulation's review flag left open too long.</summary>
/// <param name="Regulation">The symbol of the document under review.</param>
/// <param name="IssuedDocument">The symbol of what changed the document it guides.</param>
/// <param name="Days">Days the review has been open.</param>
/// <param name="Lapses">It lapses with what it guides unless it is continued.</param>
public sealed record ReviewReminderMessage(
    ReviewReminderKind Kind, string Regulation, string Title, string IssuedDocument, DateOnly FlaggedOn, int Days, bool Lapses, string Path) : EmailMessage;

/// <summary>A coordinator's question to the unit that reported an obstacle.</summary>
/// <param name="Path">The obstacle's thread, where the unit answers.</param>
public sealed record InformationRequestMessage(string Reference, string Title, string Question, string Path) : EmailMessage;

/// <summary>A one-time sign-in link for a person of the register.</summary>
/// <param name="Path">The link's path, token included: rendered under the public address, or as it is when none is configured.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record SignInLinkMessage(string Name, string Path, DateTimeOffset ExpiresAt) : EmailMessage;

/// <summary>Which wait of a report a clock notice is about.</summary>
public enum ObstacleClockKind
{
    /// <summary>The coordinators' answer is due soon.</summary>
    AnswerDue,

    /// <summary>The coordinators' answer is late.</summary>
    AnswerOverdue,

    /// <summary>The reporting unit has not answered a question.</summary>
    InformationReminded,

    /// <summary>The question went unanswered too long: the report may be decided as it stands.</summary>
    InformationLapsed,
}

/// <summary>A report, or a question about it, left waiting.</summary>
/// <param name="Unit">The reporting unit's name.</param>
/// <param name="Since">The day the wait began: the report's submission (or its last answer), or the question.</param>
/// <param name="DueOn">The day the answer is due, or the day the question lapses.</param>
/// <param name="Days">Days left before the answer is due, days late after it, or days the question has waited.</param>
public sealed record ObstacleClockMessage(
    ObstacleClockKind Kind, string Reference, string Title, string Unit, DateOnly Since, DateOnly DueOn, int Days, string Path) : EmailMessage;
