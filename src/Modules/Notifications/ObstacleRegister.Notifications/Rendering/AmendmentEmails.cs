using System.Globalization;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.Notifications.Contracts;
using ObstacleRegister.Notifications.Outbox;

namespace ObstacleRegister.Notifications.Rendering;

/// <summary>
/// A reminder or escalation about one amendment. Values: <c>kind</c> (<c>due_soon</c>, <c>overdue</c>,
/// <c>overdue_escalated</c>, <c>stale</c>, <c>stale_escalated</c>), <c>title</c>, <c>regulation</c>, <c>draftingUnit</c>,
/// <c>official</c>, <c>dueOn</c> and <c>lastCheckIn</c> (ISO dates), <c>daysLeft</c>, <c>daysOverdue</c>,
/// <c>daysSinceCheckIn</c>, and <c>path</c>, linked when a public base address is configured.
/// </summary>
internal sealed class AmendmentNoticeEmail(IOptions<RecipientOptions> recipients) : IEmailTemplate
{
    public string Name => EmailTemplates.AmendmentNotice;

    public EmailPart Compose(CultureInfo culture, EmailContent content)
    {
        var kind = content["kind"];
        var args = Arguments(culture, content);
        var blocks = new List<EmailBlock>
        {
            new Paragraph(Say.In(culture, $"Email.Notice.Intro.{kind}", args)),
            new Fields(AmendmentFields.Of(culture, content)),
        };
        if (recipients.Value.Link(content.Optional("path")) is { } link)
        {
            blocks.Add(new Link(Say.In(culture, "Email.Details"), link));
        }

        return new EmailPart(Say.In(culture, $"Email.Notice.Subject.{kind}", args), blocks);
    }

    /// <summary>The arguments every amendment text is formatted with: title, days left, due date, days overdue, days since check-in.</summary>
    internal static object[] Arguments(CultureInfo culture, IReadOnlyDictionary<string, string> values) =>
    [
        values["title"], values["daysLeft"], RegisterTexts.Date(culture, DateOnly.Parse(values["dueOn"], CultureInfo.InvariantCulture)),
        values["daysOverdue"], values["daysSinceCheckIn"], RegisterTexts.Date(culture, DateOnly.Parse(values["lastCheckIn"], CultureInfo.InvariantCulture)),
    ];

    private static object[] Arguments(CultureInfo culture, EmailContent content) => Arguments(culture, content.Values);
}

internal static class AmendmentFields
{
    public static IReadOnlyList<KeyValuePair<string, string>> Of(CultureInfo culture, EmailContent content)
    {
        var rows = new List<KeyValuePair<string, string>>
        {
            new(Say.In(culture, "Email.Label.Amendment"), content["title"]),
            new(Say.In(culture, "Email.Label.Regulation"), content["regulation"]),
            new(Say.In(culture, "Email.Label.DraftingUnit"), content["draftingUnit"]),
        };
        if (content.Optional("official") is { } official)
        {
            rows.Add(new(Say.In(culture, "Email.Label.ResponsibleOfficial"), official));
        }

        rows.Add(new(Say.In(culture, "Email.Label.DueOn"), RegisterTexts.Date(culture, DateOnly.Parse(content["dueOn"], CultureInfo.InvariantCulture))));
        rows.Add(new(Say.In(culture, "Email.Label.DaysOverdue"), content["daysOverdue"]));
        rows.Add(new(Say.In(culture, "Email.Label.LastCheckIn"), RegisterTexts.Date(culture, DateOnly.Parse(content["lastCheckIn"], CultureInfo.InvariantCulture))));
        return rows;
    }
}

/// <summary>
/// A unit's weekly digest. Values: <c>unit</c>, <c>asOf</c> (ISO date); items as the notice's values plus <c>section</c>
/// (<c>due_soon</c>, <c>overdue</c> or <c>stale</c>). Every section is shown, empty ones as "nothing".
/// </summary>
internal sealed class WeeklyDigestEmail(IOptions<RecipientOptions> recipients) : IEmailTemplate
{
    private static readonly string[] Sections = ["overdue", "due_soon", "stale"];

    public string Name => EmailTemplates.WeeklyDigest;

    public EmailPart Compose(CultureInfo culture, EmailContent content)
    {
        var counts = Sections.ToDictionary(s => s, s => content.Items.Count(i => i["section"] == s));
        var subject = Say.In(culture, "Email.Digest.Subject", content["unit"], counts["due_soon"], counts["overdue"], counts["stale"]);
        var blocks = new List<EmailBlock>
        {
            new Paragraph(Say.In(culture, "Email.Digest.Intro", content["unit"], RegisterTexts.Date(culture, DateOnly.Parse(content["asOf"], CultureInfo.InvariantCulture)))),
        };
        foreach (var section in Sections)
        {
            var lines = content.Items.Where(i => i["section"] == section)
                .Select(i => new SectionLine(Say.In(culture, LineKey(section), LineArguments(culture, i)), recipients.Value.Link(i.GetValueOrDefault("path"))))
                .ToList();
            blocks.Add(new Section(Say.In(culture, $"Email.Digest.Section.{section}"), lines.Count > 0 ? lines : [new SectionLine(Say.In(culture, "Email.Digest.None"), null)]));
        }

        return new EmailPart(subject, blocks);
    }

    private static object[] LineArguments(CultureInfo culture, IReadOnlyDictionary<string, string> item)
    {
        var notice = AmendmentNoticeEmail.Arguments(culture, item);
        return [item["title"], item["regulation"], notice[2], notice[3], notice[5]];
    }

    // The line formats take title, regulation, due date, days overdue, last check-in.
    private static string LineKey(string section) => section switch
    {
        "overdue" => "Email.Digest.Line.Overdue",
        "stale" => "Email.Digest.Line.Stale",
        _ => "Email.Digest.Line",
    };
}
