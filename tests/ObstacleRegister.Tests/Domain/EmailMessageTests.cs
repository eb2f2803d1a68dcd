using Microsoft.Extensions.Options;
using MimeKit;
using ObstacleRegister.Notifications;
using ObstacleRegister.Notifications.Contracts;
using ObstacleRegister.Notifications.Outbox;
using ObstacleRegister.Notifications.Rendering;

namespace ObstacleRegister.Tests.Domain;

/// <summary>Every message a module can queue is stored in the form its template reads, and renders in both languages.</summary>
public sealed class EmailMessageTests
{
    private static readonly AmendmentFacts Amendment = new(
        "Sửa đổi Thông tư 05", "05/2022/TT-BTTTT", "Bộ Thông tin và Truyền thông", null, new DateOnly(2026, 4, 1), 3, 0, 5, new DateOnly(2026, 3, 20), "api/v1/amendments/x");

    private static readonly EmailMessage[] OneOfEach =
    [
        new AmendmentNoticeMessage(AmendmentNoticeKind.OverdueEscalated, Amendment),
        new WeeklyDigestMessage("Bộ Thông tin và Truyền thông", new DateOnly(2026, 3, 30), [new DigestLine(DigestSection.DueSoon, Amendment)]),
        new ReviewReminderMessage(ReviewReminderKind.Escalated, "13/2023/NĐ-CP", "Nghị định", "05/2026/NĐ-CP", new DateOnly(2026, 3, 1), 30, true, "api/v1/regulations/x"),
        new InformationRequestMessage("VM-2026-000001", "Thời hạn cấp phép", "Điều nào?", "api/v1/obstacles/x/comments"),
        new SignInLinkMessage("Nguyễn Thị Lan", "signin/link?token=x", DateTimeOffset.UtcNow.AddMinutes(15)),
        Waiting(ObstacleClockKind.AnswerOverdue),
    ];

    private static ObstacleClockMessage Waiting(ObstacleClockKind kind) =>
        new(kind, "VM-2026-000001", "Thời hạn cấp phép", "Sở Tư pháp", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 17), 2, "api/v1/obstacles/x");

    [Test]
    public void EveryKindOfMessage_IsCoveredHere() =>
        Assert.That(OneOfEach.Select(m => m.GetType()), Is.EquivalentTo(typeof(EmailMessage).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(EmailMessage)))));

    [TestCaseSource(nameof(OneOfEach))]
    public void EveryMessage_RendersInVietnameseThenEnglish(EmailMessage message)
    {
        var recipients = Options.Create(new RecipientOptions());
        IEmailTemplate[] templates =
            [
                new AmendmentNoticeEmail(recipients), new WeeklyDigestEmail(recipients), new ReviewReminderEmail(recipients), new InformationRequestEmail(recipients),
                new SignInLinkEmail(recipients, TimeProvider.System), new ObstacleClockEmail(recipients),
            ];
        var (template, content) = StoredMessage.Of(message);

        var rendered = new EmailRenderer(templates).Render(
            Guid.NewGuid(), template, EmailContent.FromJson(content.ToJson()), new MailboxAddress("Register", "register@example.org"), ["unit@example.org"]);

        Assert.That(rendered.TextBody, Does.Contain("----------").And.Not.Contain("{0}"));
    }

    [Test]
    public void EveryKindOfAmendmentNotice_HasItsSubjectAndIntroduction_InBothLanguages()
    {
        var template = new AmendmentNoticeEmail(Options.Create(new RecipientOptions()));
        foreach (var kind in Enum.GetValues<AmendmentNoticeKind>())
        {
            var (_, content) = StoredMessage.Of(new AmendmentNoticeMessage(kind, Amendment));
            foreach (var culture in new[] { "vi", "en" })
            {
                var part = template.Compose(new System.Globalization.CultureInfo(culture), EmailContent.FromJson(content.ToJson()));
                Assert.That(part.Subject, Does.Not.Contain("Email.Notice").And.Contain("Sửa đổi Thông tư 05"), $"{kind} in {culture}");
            }
        }
    }

    [Test]
    public void EveryKindOfClockNotice_HasItsSubjectAndIntroduction_InBothLanguages()
    {
        var template = new ObstacleClockEmail(Options.Create(new RecipientOptions()));
        foreach (var kind in Enum.GetValues<ObstacleClockKind>())
        {
            var (_, content) = StoredMessage.Of(Waiting(kind));
            foreach (var culture in new[] { "vi", "en" })
            {
                var part = template.Compose(new System.Globalization.CultureInfo(culture), EmailContent.FromJson(content.ToJson()));
                var intro = ((Paragraph)part.Blocks[0]).Text;
                Assert.That(part.Subject, Does.Not.Contain("Email.Clock").And.StartWith("[").And.Contain("VM-2026-000001"), $"{kind} in {culture}");
                Assert.That(intro, Does.Not.Contain("Email.Clock").And.Contain("VM-2026-000001"), $"{kind} in {culture}");
            }
        }
    }
}
