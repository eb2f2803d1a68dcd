using System.Text.RegularExpressions;
using System.Xml.Linq;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Domain;

/// <summary>The register's words exist in both languages, with the same placeholders, so no reader ever sees a key or a gap.</summary>
public sealed partial class LocalizedTextTests
{
    [Test]
    public void EveryText_HasAVietnameseAndAnEnglishForm_WithTheSamePlaceholders()
    {
        var english = Texts("Texts.resx");
        var vietnamese = Texts("Texts.vi.resx");

        Assert.Multiple(() =>
        {
            Assert.That(vietnamese.Keys, Is.EquivalentTo(english.Keys));
            Assert.That(english.Concat(vietnamese).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key), Is.Empty);
            Assert.That(english.Keys.Where(k => vietnamese.ContainsKey(k) && !Placeholders(english[k]).SetEquals(Placeholders(vietnamese[k]))), Is.Empty);
            Assert.That(vietnamese.Where(t => t.Value == english[t.Key]).Select(t => t.Key), Is.Empty, "untranslated");
        });
    }

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(Repository.Root.Value, "src", "ObstacleRegister.BuildingBlocks", "Localization", file)).Root!
            .Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
