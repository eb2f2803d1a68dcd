using System.Text.RegularExpressions;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Architecture;

/// <summary>
/// One vocabulary of events: history writers, the change feed, webhook subscriptions and report SQL name events from the
/// catalogue. Code that names one as a literal is found here, and the change log refuses a type the catalogue lacks.
/// </summary>
public sealed partial class EventCatalogueTests
{
    /// <summary>The catalogue as the host assembles it from the modules' event names.</summary>
    private static readonly EventCatalogue Catalogue = new(ObstacleRegister.Api.ModuleAssemblies.EventNames);

    [Test]
    public void EveryEventTypeWrittenAsText_IsInTheCatalogue()
    {
        var unknown = Sources()
            .SelectMany(f => ChangeType().Matches(File.ReadAllText(f.Path)).Select(m => (f.Name, Type: m.Groups["type"].Value)))
            .Where(x => !Catalogue.IsKnown(x.Type))
            .Select(x => $"{x.Name}: {x.Type}");

        Assert.That(unknown, Is.Empty);
    }

    [Test]
    public void HistoryWritersAndReportSql_NameActionsThroughTheCatalogue_NotAsLiterals()
    {
        var literals = Sources()
            .SelectMany(f => ActionLiteral().Matches(File.ReadAllText(f.Path)).Select(m => $"{f.Name}: {m.Value}"));

        Assert.That(literals, Is.Empty);
    }

    /// <summary>The API guide's table of change types is the catalogue: every type in it, and no type the catalogue lacks.</summary>
    [Test]
    public void TheGuidesTableOfChangeTypes_IsTheCatalogue()
    {
        var guide = File.ReadAllText(Path.Combine(Repository.Root.Value, "docs", "api-guide.md"));
        var table = guide[guide.IndexOf("| resource | change types |", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];

        var listed = GuideType().Matches(table).Select(m => m.Groups["type"].Value).ToList();

        Assert.That(listed, Is.EqualTo(Catalogue.Types));
    }

    [Test]
    public void TheChangeLog_RefusesATypeTheCatalogueDoesNotKnow()
    {
        var log = new ChangeLog(null!, TimeProvider.System, Catalogue, new Microsoft.AspNetCore.Http.HttpContextAccessor());

        Assert.Multiple(() =>
        {
            Assert.Throws<InvalidOperationException>(() => log.Record(new ResourceChange("obstacle.teleported", "obstacle", Guid.NewGuid(), null), default));
            Assert.Throws<InvalidOperationException>(() => log.Record(new ResourceChange("amendment.opened", "obstacle", Guid.NewGuid(), null), default),
                "the type names its own resource");
        });
    }

    [Test]
    public void TheCatalogue_ListsEachTypeOnce_ForEveryResourceTheFeedCarries()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Catalogue.Types, Is.Unique);
            Assert.That(Catalogue.Resources.Select(r => r.Resource), Is.EqualTo(new[] { "obstacle", "amendment", "regulation", "unit" }));
            Assert.That(Catalogue.Types, Has.All.Matches<string>(t => Regex.IsMatch(t, "^[a-z]+\\.[a-z_]+$")));
        });
    }

    private static IEnumerable<(string Name, string Path)> Sources() =>
        Directory.GetFiles(Path.Combine(Repository.Root.Value, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith("Events.cs", StringComparison.Ordinal) && !f.EndsWith("EventCatalogue.cs", StringComparison.Ordinal))
            .Select(f => (Path.GetFileName(f), f));

    [GeneratedRegex("\"(?<type>(?:obstacle|amendment|regulation|unit)\\.[a-z_]+)\"")]
    private static partial Regex ChangeType();

    // An action in SQL ("action = 'x'", "action IN ('x', …)"), a history entry or an obstacle move named by a literal.
    [GeneratedRegex("""action\s*(?:=|IN)\s*\(?\s*'[a-z_]+'|(?:history\.Record|new ObstacleChange|Resolved)\([^;]*?"[a-z_]+"[,)]""")]
    private static partial Regex ActionLiteral();

    [GeneratedRegex(@"`(?<type>[a-z]+\.[a-z_]+)`")]
    private static partial Regex GuideType();
}
