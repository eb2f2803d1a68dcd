using System.Text.RegularExpressions;
using System.Xml.Linq;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Domain;

/// <summary>
/// The register's words exist in both languages, with the same placeholders, so no reader ever sees a key or a gap. The
/// shared texts sit with the building blocks, each module's beside its code; a key lives in exactly one of them.
/// </summary>
public sealed partial class LocalizedTextTests
{
    private static IEnumerable<TestCaseData> TextFolders() =>
        EnglishFiles().Select(f => new TestCaseData(Path.GetDirectoryName(f)!).SetArgDisplayNames(Path.GetFileName(Path.GetDirectoryName(f))!));

    [TestCaseSource(nameof(TextFolders))]
    public void EveryText_HasAVietnameseAndAnEnglishForm_WithTheSamePlaceholders(string folder)
    {
        var english = Read(Path.Combine(folder, "Texts.resx"));
        var vietnamese = Read(Path.Combine(folder, "Texts.vi.resx"));

        Assert.Multiple(() =>
        {
            Assert.That(english, Is.Not.Empty);
            Assert.That(vietnamese.Keys, Is.EquivalentTo(english.Keys));
            Assert.That(english.Concat(vietnamese).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key), Is.Empty);
            Assert.That(english.Keys.Where(k => vietnamese.ContainsKey(k) && !Placeholders(english[k]).SetEquals(Placeholders(vietnamese[k]))), Is.Empty);
            Assert.That(vietnamese.Where(t => t.Value == english[t.Key]).Select(t => t.Key), Is.Empty, "untranslated");
        });
    }

    [Test]
    public void EveryKey_LivesInOneResourceOnly()
    {
        var keys = EnglishFiles().SelectMany(f => Read(f).Keys).ToList();

        Assert.That(keys, Is.Unique);
    }

    /// <summary>The shared texts are the mechanisms' (problems, field errors, resource names), not one module's words.</summary>
    [Test]
    public void SharedTexts_AreNoSingleModulesWords()
    {
        var shared = Read(Path.Combine(Repository.Root.Value, "src", "ObstacleRegister.BuildingBlocks", "Localization", "Texts.resx")).Keys;
        var moduleSources = Directory.GetDirectories(Path.Combine(Repository.Root.Value, "src", "Modules"))
            .ToDictionary(m => Path.GetFileName(m)!, m => string.Concat(SourceFiles(m).Select(File.ReadAllText)));
        var kernelSources = string.Concat(new[] { "ObstacleRegister.BuildingBlocks", "ObstacleRegister.Api" }
            .SelectMany(p => SourceFiles(Path.Combine(Repository.Root.Value, "src", p))).Select(File.ReadAllText));

        var oneModulesOwn = shared
            .Where(k => !k.StartsWith("Problem.", StringComparison.Ordinal) && !k.StartsWith("Resource.", StringComparison.Ordinal))
            .Where(k => !kernelSources.Contains($"\"{k}\"", StringComparison.Ordinal))
            .Where(k => moduleSources.Count(m => m.Value.Contains($"\"{k}\"", StringComparison.Ordinal)) == 1);

        Assert.That(oneModulesOwn, Is.Empty);
    }

    [Test]
    public void EveryTextKeyTheCodeNames_Exists()
    {
        var keys = AllTexts().Keys.ToHashSet(StringComparer.Ordinal);
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
        var keys = AllTexts().Keys.ToHashSet(StringComparer.Ordinal);
        Type[] shown =
        [
            typeof(Obstacles.Contracts.ObstacleStatus), typeof(Obstacles.Contracts.ObstacleCategory), typeof(Obstacles.Contracts.ObstacleSeverity),
            typeof(Amendments.Contracts.AmendmentStatus), typeof(Amendments.Contracts.AmendmentKind), typeof(Regulations.Contracts.RegulationType),
            typeof(Regulations.Contracts.RegulationStatus), typeof(Access.Contracts.UnitKind),
        ];
        var labels = shown.SelectMany(type => Enum.GetValues(type).Cast<Enum>().Select(value => $"Label.{type.Name}.{BuildingBlocks.Data.WireNames.OfAny(value)}")).ToList();

        Assert.That(labels.Where(label => !keys.Contains(label)), Is.Empty);
        Assert.That(AllTexts("Texts.vi.resx")["Label.ObstacleStatus.in_amendment"], Is.EqualTo("Đang sửa đổi"));
        Assert.That(AllTexts("Texts.vi.resx")["Label.AmendmentStatus.consultation"], Is.EqualTo("Lấy ý kiến"));
    }

    /// <summary>The register answers a module's key in Vietnamese from that module's own resources.</summary>
    [Test]
    public void Say_FindsAModulesText_InEitherLanguage()
    {
        _ = typeof(Obstacles.ObstaclesModule);

        Assert.Multiple(() =>
        {
            Assert.That(BuildingBlocks.Localization.Say.In(BuildingBlocks.Localization.RegisterTexts.Vietnamese, "Label.ObstacleStatus.in_amendment"), Is.EqualTo("Đang sửa đổi"));
            Assert.That(BuildingBlocks.Localization.Say.In(BuildingBlocks.Localization.RegisterTexts.English, "Problem.not-found"), Is.EqualTo("Not found"));
            Assert.Throws<KeyNotFoundException>(() => BuildingBlocks.Localization.Say.In(BuildingBlocks.Localization.RegisterTexts.English, "Label.NoSuchThing"));
        });
    }

    private static IEnumerable<string> EnglishFiles() =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root.Value, "src"), "Texts.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static Dictionary<string, string> AllTexts(string file = "Texts.resx") =>
        EnglishFiles().SelectMany(f => Read(Path.Combine(Path.GetDirectoryName(f)!, file))).ToDictionary(t => t.Key, t => t.Value);

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    // Say.Text("Key", …), and NotFoundException("resource", …) and Say.NoSuch("resource", …), whose resource is rendered as Resource.<resource>.
    [GeneratedRegex(@"Say\.Text\(""(?<key>[A-Za-z.\-]+)""|(?:NotFoundException|Say\.NoSuch)\(""(?<resource>[^""]+)""")]
    private static partial Regex NamedKey();
}
