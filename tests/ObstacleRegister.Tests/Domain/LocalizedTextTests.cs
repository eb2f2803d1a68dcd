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

    [Test]
    public void EveryTextKeyTheCodeNames_Exists()
    {
        var keys = Texts("Texts.resx").Keys.ToHashSet(StringComparer.Ordinal);
        var named = Directory.EnumerateFiles(Path.Combine(Repository.Root.Value, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => NamedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["resource"].Success ? "Resource." + m.Groups["resource"].Value : m.Groups["key"].Value))
            .Where(k => !k.EndsWith('.'))
            .Concat(typeof(BuildingBlocks.Errors.ProblemTypes).GetFields().Select(f => (string)f.GetValue(null)!)
                .Where(type => type != BuildingBlocks.Errors.ProblemTypes.Prefix).Select(type => "Problem." + type[BuildingBlocks.Errors.ProblemTypes.Prefix.Length..]))
            .Distinct()
            .ToList();

        Assert.That(named, Has.Count.GreaterThan(30));
        Assert.That(named.Where(k => !keys.Contains(k)), Is.Empty, "a text the code asks for is missing from the resources");
    }

    [Test]
    public void EveryValueOfTheEnumerationsPeopleRead_HasALabel()
    {
        var keys = Texts("Texts.resx").Keys.ToHashSet(StringComparer.Ordinal);
        Type[] shown =
        [
            typeof(Obstacles.Contracts.ObstacleStatus), typeof(Obstacles.Contracts.ObstacleCategory), typeof(Obstacles.Contracts.ObstacleSeverity),
            typeof(Amendments.Contracts.AmendmentStatus), typeof(Amendments.Contracts.AmendmentKind), typeof(Regulations.Contracts.RegulationType),
            typeof(Regulations.Contracts.RegulationStatus), typeof(Access.Contracts.UnitKind),
        ];
        var labels = shown.SelectMany(type => Enum.GetValues(type).Cast<Enum>().Select(value => $"Label.{type.Name}.{BuildingBlocks.Data.WireNames.OfAny(value)}")).ToList();

        Assert.That(labels.Where(label => !keys.Contains(label)), Is.Empty);
        Assert.That(Texts("Texts.vi.resx")["Label.ObstacleStatus.in_amendment"], Is.EqualTo("Đang sửa đổi"));
        Assert.That(Texts("Texts.vi.resx")["Label.AmendmentStatus.consultation"], Is.EqualTo("Lấy ý kiến"));
    }

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(Repository.Root.Value, "src", "ObstacleRegister.BuildingBlocks", "Localization", file)).Root!
            .Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    // Say.Text("Key", …), and NotFoundException("resource", …) and Say.NoSuch("resource", …), whose resource is rendered as Resource.<resource>.
    [GeneratedRegex(@"Say\.Text\(""(?<key>[A-Za-z.\-]+)""|(?:NotFoundException|Say\.NoSuch)\(""(?<resource>[^""]+)""")]
    private static partial Regex NamedKey();
}
