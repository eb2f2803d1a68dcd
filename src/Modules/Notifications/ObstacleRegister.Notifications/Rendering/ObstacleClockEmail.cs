using System.Globalization;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.Notifications.Contracts;
using ObstacleRegister.Notifications.Outbox;

namespace ObstacleRegister.Notifications.Rendering;

/// <summary>
/// A report or a question left waiting. Values: <c>kind</c> (<c>answer_due</c>, <c>answer_overdue</c>,
/// <c>information_reminded</c>, <c>information_lapsed</c>), the obstacle's <c>reference</c> and <c>title</c>, the
/// reporting <c>unit</c>, <c>since</c> and <c>dueOn</c> (ISO dates), <c>days</c> and <c>path</c>.
/// </summary>
internal sealed class ObstacleClockEmail(IOptions<RecipientOptions> recipients) : IEmailTemplate
{
    public string Name => EmailTemplates.ObstacleClock;

    public EmailPart Compose(CultureInfo culture, EmailContent content)
    {
        var kind = content["kind"];
        var since = RegisterTexts.Date(culture, DateOnly.Parse(content["since"], CultureInfo.InvariantCulture));
        var dueOn = RegisterTexts.Date(culture, DateOnly.Parse(content["dueOn"], CultureInfo.InvariantCulture));
        var answering = kind.StartsWith("answer", StringComparison.Ordinal);
        var blocks = new List<EmailBlock>
        {
            new Paragraph(Say.In(culture, $"Email.Clock.Intro.{kind}", content["reference"], content["unit"], since, dueOn, content["days"])),
            new Fields(
            [
                new(Say.In(culture, "Email.Label.Obstacle"), $"{content["reference"]} · {content["title"]}"),
                new(Say.In(culture, "Email.Label.ReportingUnit"), content["unit"]),
                new(Say.In(culture, answering ? "Email.Label.WaitingSince" : "Email.Label.AskedOn"), since),
                new(Say.In(culture, answering ? "Email.Label.AnswerDueOn" : "Email.Label.LapsesOn"), dueOn),
            ]),
        };
        if (recipients.Value.Link(content.Optional("path")) is { } link)
        {
            blocks.Add(new Link(Say.In(culture, "Email.Details"), link));
        }

        return new EmailPart(Say.In(culture, $"Email.Clock.Subject.{kind}", content["reference"], dueOn, since), blocks);
    }
}
