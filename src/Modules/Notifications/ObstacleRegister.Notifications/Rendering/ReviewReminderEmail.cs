using System.Globalization;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.Notifications.Contracts;
using ObstacleRegister.Notifications.Outbox;

namespace ObstacleRegister.Notifications.Rendering;

/// <summary>
/// A review flag left open. Values: <c>kind</c> (<c>reminded</c> or <c>escalated</c>), <c>regulation</c> (its symbol),
/// <c>title</c>, <c>issuedDocument</c> (the symbol of what changed the document it guides), <c>flaggedOn</c> (ISO date),
/// <c>days</c> open, <c>lapses</c> (<c>true</c> when it lapses unless continued) and <c>path</c>.
/// </summary>
internal sealed class ReviewReminderEmail(IOptions<RecipientOptions> recipients) : IEmailTemplate
{
    public string Name => EmailTemplates.ReviewReminder;

    public EmailPart Compose(CultureInfo culture, EmailContent content)
    {
        var flaggedOn = RegisterTexts.Date(culture, DateOnly.Parse(content["flaggedOn"], CultureInfo.InvariantCulture));
        var blocks = new List<EmailBlock>
        {
            new Paragraph(Say.In(culture, "Email.Review.Intro", content["regulation"], flaggedOn, content["issuedDocument"], content["days"])),
            new Fields(
            [
                new(Say.In(culture, "Email.Label.Regulation"), content["regulation"]),
                new(Say.In(culture, "Email.Label.Title"), content["title"]),
                new(Say.In(culture, "Email.Label.ChangedBy"), content["issuedDocument"]),
                new(Say.In(culture, "Email.Label.FlaggedOn"), flaggedOn),
            ]),
        };
        if (content["lapses"] == "true")
        {
            blocks.Add(new Paragraph(Say.In(culture, "Email.Review.Lapses")));
        }

        if (recipients.Value.Link(content.Optional("path")) is { } link)
        {
            blocks.Add(new Link(Say.In(culture, "Email.Details"), link));
        }

        return new EmailPart(Say.In(culture, $"Email.Review.Subject.{content["kind"]}", content["regulation"], flaggedOn), blocks);
    }
}
