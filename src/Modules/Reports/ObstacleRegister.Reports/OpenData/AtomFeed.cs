using System.Globalization;
using System.Text;
using System.Xml;

namespace ObstacleRegister.Reports.OpenData;

/// <summary>
/// Writes a feed as Atom (RFC 4287). Every address in it is absolute and starts at the register's public address;
/// an entry's id is the change's own (<c>urn:uuid:</c>), the same id the change feed and webhooks give it.
/// </summary>
internal static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    private const string Atom = "http://www.w3.org/2005/Atom";

    public static byte[] Write(Feed feed, string baseUrl, string language, string author)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, language);
            xml.WriteElementString("id", Atom, baseUrl + feed.SelfPath);
            xml.WriteElementString("title", Atom, feed.Title);
            // An empty feed never changed: its time is the epoch, so its bytes (and its ETag) stay the same until something happens.
            xml.WriteElementString("updated", Atom, Instant(feed.Entries.Count > 0 ? feed.Entries.Max(e => e.At) : DateTimeOffset.UnixEpoch));
            Link(xml, "self", baseUrl + feed.SelfPath, "application/atom+xml");
            Link(xml, "alternate", baseUrl + feed.PagePath, "text/html");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, author);
            xml.WriteElementString("uri", Atom, baseUrl + "/");
            xml.WriteEndElement();
            foreach (var entry in feed.Entries)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"urn:uuid:{entry.Id}");
                xml.WriteElementString("title", Atom, entry.Title);
                xml.WriteElementString("updated", Atom, Instant(entry.At));
                xml.WriteElementString("published", Atom, Instant(entry.At));
                Link(xml, "alternate", baseUrl + entry.Link, "text/html");
                xml.WriteStartElement("category", Atom);
                xml.WriteAttributeString("term", entry.Type);
                xml.WriteEndElement();
                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(entry.Summary);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
