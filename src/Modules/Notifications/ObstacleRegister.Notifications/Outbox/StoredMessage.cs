using System.Globalization;
using ObstacleRegister.Notifications.Contracts;

namespace ObstacleRegister.Notifications.Outbox;

/// <summary>The texts an email can be rendered from, as the outbox names them.</summary>
internal static class EmailTemplates
{
    public const string AmendmentNotice = "amendment_notice";

    public const string WeeklyDigest = "weekly_digest";

    public const string ReviewReminder = "review_reminder";

    public const string InformationRequest = "information_request";

    public const string SignInLink = "sign_in_link";

    public const string ObstacleClock = "obstacle_clock";
}

/// <summary>
/// A typed message as the outbox stores it: its template's name and its parameters as text (ISO dates, invariant
/// numbers, codes), the form the templates render when the email is sent, so a row queued by an earlier version of
/// the register still renders.
/// </summary>
internal static class StoredMessage
{
    public static (string Template, EmailContent Content) Of(EmailMessage message) => message switch
    {
        AmendmentNoticeMessage notice => (EmailTemplates.AmendmentNotice,
            new EmailContent(new Dictionary<string, string>(Facts(notice.Amendment)) { ["kind"] = Code(notice.Kind) }, [])),
        WeeklyDigestMessage digest => (EmailTemplates.WeeklyDigest, new EmailContent(
            new Dictionary<string, string> { ["unit"] = digest.Unit, ["asOf"] = Iso(digest.AsOf) },
            [.. digest.Lines.Select(l => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(Facts(l.Amendment)) { ["section"] = Code(l.Section) })])),
        ReviewReminderMessage review => (EmailTemplates.ReviewReminder, new EmailContent(new Dictionary<string, string>
        {
            ["kind"] = Code(review.Kind), ["regulation"] = review.Regulation, ["title"] = review.Title, ["issuedDocument"] = review.IssuedDocument,
            ["flaggedOn"] = Iso(review.FlaggedOn), ["days"] = Number(review.Days), ["lapses"] = review.Lapses ? "true" : "false", ["path"] = review.Path,
        }, [])),
        InformationRequestMessage question => (EmailTemplates.InformationRequest, new EmailContent(new Dictionary<string, string>
        {
            ["reference"] = question.Reference, ["title"] = question.Title, ["question"] = question.Question, ["path"] = question.Path,
        }, [])),
        ObstacleClockMessage waiting => (EmailTemplates.ObstacleClock, new EmailContent(new Dictionary<string, string>
        {
            ["kind"] = Code(waiting.Kind), ["reference"] = waiting.Reference, ["title"] = waiting.Title, ["unit"] = waiting.Unit,
            ["since"] = Iso(waiting.Since), ["dueOn"] = Iso(waiting.DueOn), ["days"] = Number(waiting.Days), ["path"] = waiting.Path,
        }, [])),
        SignInLinkMessage link => (EmailTemplates.SignInLink, new EmailContent(new Dictionary<string, string>
        {
            ["name"] = link.Name, ["path"] = link.Path, ["expiresAt"] = link.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
        }, [])),
        _ => throw new ArgumentException($"No email template renders a {message.GetType().Name}.", nameof(message)),
    };

    private static Dictionary<string, string> Facts(AmendmentFacts amendment) => new()
    {
        ["title"] = amendment.Title,
        ["regulation"] = amendment.Regulation,
        ["draftingUnit"] = amendment.DraftingUnit,
        ["official"] = amendment.Official ?? "",
        ["dueOn"] = Iso(amendment.DueOn),
        ["daysLeft"] = Number(amendment.DaysLeft),
        ["daysOverdue"] = Number(amendment.DaysOverdue),
        ["daysSinceCheckIn"] = Number(amendment.DaysSinceCheckIn),
        ["lastCheckIn"] = Iso(amendment.LastCheckIn),
        ["path"] = amendment.Path,
    };

    /// <summary>A kind as the texts' keys spell it: <c>OverdueEscalated</c> is <c>overdue_escalated</c>.</summary>
    private static string Code(Enum kind) => BuildingBlocks.Data.WireNames.OfAny(kind);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
