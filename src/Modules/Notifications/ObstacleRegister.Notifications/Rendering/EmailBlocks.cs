using System.Globalization;
using ObstacleRegister.Notifications.Outbox;

namespace ObstacleRegister.Notifications.Rendering;

/// <summary>One language's part of an email: its subject and what it says, in blocks that render as plain text and as HTML.</summary>
internal sealed record EmailPart(string Subject, IReadOnlyList<EmailBlock> Blocks);

internal abstract record EmailBlock;

internal sealed record Paragraph(string Text) : EmailBlock;

/// <summary>Labelled values: the amendment, its regulation, its due date…</summary>
internal sealed record Fields(IReadOnlyList<KeyValuePair<string, string>> Rows) : EmailBlock;

/// <summary>A heading over a list of lines, each with an optional link.</summary>
internal sealed record Section(string Heading, IReadOnlyList<SectionLine> Lines) : EmailBlock;

internal sealed record SectionLine(string Text, string? Url);

internal sealed record Link(string Label, string Url) : EmailBlock;

/// <summary>Composes one template's part in one language from the stored content.</summary>
internal interface IEmailTemplate
{
    string Name { get; }

    EmailPart Compose(CultureInfo culture, EmailContent content);
}
