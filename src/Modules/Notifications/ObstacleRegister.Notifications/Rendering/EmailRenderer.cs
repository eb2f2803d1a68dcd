using System.Net;
using System.Text;
using MimeKit;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.Notifications.Outbox;

namespace ObstacleRegister.Notifications.Rendering;

/// <summary>
/// Renders a queued email: Vietnamese first, then the same in English, as plain text and as HTML alternatives. The
/// Message-Id derives from the outbox row, so a message sent again after a crash between sending and recording it
/// reads as the same message to the mail clients that drop duplicates.
/// </summary>
internal sealed class EmailRenderer(IEnumerable<IEmailTemplate> templates)
{
    private readonly Dictionary<string, IEmailTemplate> byName = templates.ToDictionary(t => t.Name);

    public MimeMessage Render(Guid id, string template, EmailContent content, MailboxAddress from, IEnumerable<string> to)
    {
        var composer = byName.TryGetValue(template, out var found) ? found : throw new KeyNotFoundException($"No email template '{template}'.");
        var parts = RegisterTexts.Both.Select(culture => (Culture: culture, Part: composer.Compose(culture, content))).ToList();
        var footers = RegisterTexts.Both.Select(c => Say.In(c, "Email.Footer")).ToList();
        var message = new MimeMessage { Subject = parts[0].Part.Subject, MessageId = $"{id:N}@{from.Domain}" };
        message.From.Add(from);
        message.To.AddRange(to.Select(MailboxAddress.Parse));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder
        {
            TextBody = string.Join("\n\n----------\n\n", parts.Select((p, i) => Text(p.Part, footers[i]))),
            HtmlBody = Html(parts.Select((p, i) => (p.Culture.TwoLetterISOLanguageName, p.Part, footers[i]))),
        };
        message.Body = body.ToMessageBody();
        message.Body.Headers.Add(HeaderId.ContentLanguage, "vi, en");
        return message;
    }

    private static string Text(EmailPart part, string footer)
    {
        var text = new StringBuilder().Append(part.Subject).Append("\n\n");
        foreach (var block in part.Blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    text.Append(p.Text).Append("\n\n");
                    break;
                case Fields f:
                    text.AppendJoin('\n', f.Rows.Select(r => $"{r.Key}: {r.Value}")).Append("\n\n");
                    break;
                case Section s:
                    text.Append(s.Heading).Append('\n').AppendJoin('\n', s.Lines.Select(l => l.Url is null ? $"- {l.Text}" : $"- {l.Text}\n  {l.Url}")).Append("\n\n");
                    break;
                case Link l:
                    text.Append(l.Label).Append(": ").Append(l.Url).Append("\n\n");
                    break;
            }
        }

        return text.Append(footer).ToString();
    }

    private static string Html(IEnumerable<(string Language, EmailPart Part, string Footer)> parts)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body>");
        foreach (var (language, part, footer) in parts)
        {
            html.Append("<div lang=\"").Append(language).Append("\"><h1 style=\"font-size:1.2em\">").Append(E(part.Subject)).Append("</h1>");
            foreach (var block in part.Blocks)
            {
                html.Append(block switch
                {
                    Paragraph p => $"<p>{E(p.Text)}</p>",
                    Fields f => $"<table>{string.Concat(f.Rows.Select(r => $"<tr><th scope=\"row\" style=\"text-align:left;padding-right:1em\">{E(r.Key)}</th><td>{E(r.Value)}</td></tr>"))}</table>",
                    Section s => $"<h2 style=\"font-size:1.05em\">{E(s.Heading)}</h2><ul>{string.Concat(s.Lines.Select(l => $"<li>{(l.Url is null ? E(l.Text) : $"<a href=\"{E(l.Url)}\">{E(l.Text)}</a>")}</li>"))}</ul>",
                    Link l => $"<p><a href=\"{E(l.Url)}\">{E(l.Label)}</a></p>",
                    _ => "",
                });
            }

            html.Append("<p style=\"color:#555;font-size:0.9em\">").Append(E(footer)).Append("</p></div><hr>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
