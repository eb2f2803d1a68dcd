using System.Globalization;
using MediatR;
using Microsoft.Extensions.Options;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.Notifications.Contracts;
using ObstacleRegister.Notifications.Outbox;

namespace ObstacleRegister.Notifications.Rendering;

/// <summary>
/// A person's one-time sign-in link. Values: <c>name</c>, <c>path</c> (the link, token included) and
/// <c>expiresAt</c>. Without a configured public address the path is written out for the reader to open on the
/// register's own address.
/// </summary>
internal sealed class SignInLinkEmail(IOptions<RecipientOptions> recipients, TimeProvider clock) : IEmailTemplate
{
    public string Name => EmailTemplates.SignInLink;

    public EmailPart Compose(CultureInfo culture, EmailContent content)
    {
        var expiresAt = DateTimeOffset.Parse(content["expiresAt"], CultureInfo.InvariantCulture);
        var minutes = Math.Max(1, (int)Math.Ceiling((expiresAt - clock.GetUtcNow()).TotalMinutes));
        var link = recipients.Value.Link(content["path"]);
        var blocks = new List<EmailBlock>
        {
            new Paragraph(Say.In(culture, "Email.SignIn.Intro", content["name"])),
            link is null ? new Paragraph("/" + content["path"]) : new Link(Say.In(culture, "Email.SignIn.Button"), link),
            new Paragraph(Say.In(culture, "Email.SignIn.Expiry", minutes)),
        };
        return new EmailPart(Say.In(culture, "Email.SignIn.Subject"), blocks);
    }
}

/// <summary>Sends the link Access made, in the transaction that made it.</summary>
internal sealed class SignInLinkMailer(IMediator mediator) : INotificationHandler<SignInLinkIssued>
{
    public async Task Handle(SignInLinkIssued notification, CancellationToken cancellationToken) =>
        await mediator.Send(new QueueEmail(new SignInLinkMessage(notification.Name, notification.Path, notification.ExpiresAt), notification.LinkId,
            [notification.Email]), cancellationToken);
}
