using System.Globalization;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.Notifications.Contracts;
using ObstacleRegister.Notifications.Outbox;

namespace ObstacleRegister.Notifications.Rendering;

/// <summary>
/// A coordinator's question to the reporting unit. Values: <c>reference</c> and <c>title</c> of the obstacle, the
/// <c>question</c> as written, and <c>path</c> (its thread, where the unit answers).
/// </summary>
internal sealed class InformationRequestEmail(IOptions<RecipientOptions> recipients) : IEmailTemplate
{
    public string Name => EmailTemplates.InformationRequest;

    public EmailPart Compose(CultureInfo culture, EmailContent content)
    {
        var blocks = new List<EmailBlock>
        {
            new Paragraph(Say.In(culture, "Email.Question.Intro", content["reference"])),
            new Fields(
            [
                new(Say.In(culture, "Email.Label.Obstacle"), $"{content["reference"]} · {content["title"]}"),
                new(Say.In(culture, "Email.Label.Question"), content["question"]),
            ]),
            new Paragraph(Say.In(culture, "Email.Question.HowToAnswer")),
        };
        if (recipients.Value.Link(content.Optional("path")) is { } link)
        {
            blocks.Add(new Link(Say.In(culture, "Email.Details"), link));
        }

        return new EmailPart(Say.In(culture, "Email.Question.Subject", content["reference"]), blocks);
    }
}
