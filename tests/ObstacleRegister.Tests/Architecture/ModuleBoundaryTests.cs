using System.Reflection;
using System.Text.RegularExpressions;
using MediatR;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Architecture;

public sealed partial class ModuleBoundaryTests
{
    private static IEnumerable<TestCaseData> Modules() =>
        Repository.Modules.Select(m => new TestCaseData(m.Name).SetArgDisplayNames(m.Name));

    private static (string Name, Assembly Implementation, Assembly? Contracts) Module(string name) =>
        Repository.Modules.Single(m => m.Name == name);

    [TestCaseSource(nameof(Modules))]
    public void Module_ReferencesNoOtherModulesImplementation(string name)
    {
        var others = Repository.Modules.Where(m => m.Name != name).Select(m => m.Implementation.GetName().Name).ToHashSet();

        var references = Module(name).Implementation.GetReferencedAssemblies().Select(a => a.Name);

        Assert.That(references.Where(others.Contains), Is.Empty);
    }

    [TestCaseSource(nameof(Modules))]
    public void Contracts_DependOnNothingButSystemAndMediatR(string name)
    {
        var references = Module(name).Contracts?.GetReferencedAssemblies().Select(a => a.Name!) ?? [];

        Assert.That(references.Where(r => r != "MediatR" && r != "netstandard" && !r.StartsWith("System", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void EveryBackgroundService_IsASupervisedLoop()
    {
        var assemblies = Repository.Modules.Select(m => m.Implementation)
            .Append(typeof(ObstacleRegister.BuildingBlocks.Background.SupervisedLoop).Assembly).Append(typeof(Program).Assembly);
        var loops = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(Microsoft.Extensions.Hosting.BackgroundService).IsAssignableFrom(t)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(loops, Is.Not.Empty);
            Assert.That(loops.Where(t => !typeof(ObstacleRegister.BuildingBlocks.Background.SupervisedLoop).IsAssignableFrom(t)).Select(t => t.FullName), Is.Empty,
                "a periodic service that is not supervised can stop the host with one unexpected exception");
        });
    }

    [TestCaseSource(nameof(Modules))]
    public void Handlers_AreInternalAndSealed(string name)
    {
        var handlers = Module(name).Implementation.GetTypes().Where(IsHandler).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(handlers, Is.Not.Empty);
            Assert.That(handlers.Where(h => h.IsPublic || h.IsNestedPublic).Select(h => h.Name), Is.Empty, "public handlers");
            Assert.That(handlers.Where(h => !h.IsSealed).Select(h => h.Name), Is.Empty, "unsealed handlers");
        });
    }

    [TestCaseSource(nameof(Modules))]
    public void EveryContractRequest_HasExactlyOneHandler_InsideItsModule(string name)
    {
        var module = Module(name);
        var requests = (module.Contracts?.GetTypes() ?? []).Where(t => t.GetInterfaces().Any(IsRequest)).ToList();
        var everyHandlerInterface = Repository.Modules.SelectMany(m => m.Implementation.GetTypes())
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)).Select(i => (Type: t, Request: i.GetGenericArguments()[0])))
            .ToList();

        Assert.Multiple(() =>
        {
            foreach (var request in requests)
            {
                var handlers = everyHandlerInterface.Where(h => h.Request == request).Select(h => h.Type).ToList();
                Assert.That(handlers, Has.Count.EqualTo(1), $"{request.Name} handlers");
                Assert.That(handlers.All(h => h.Assembly == module.Implementation), Is.True, $"{request.Name} is handled outside {name}");
            }
        });
    }

    [Test]
    public void OnlyBuildingBlocks_KnowTheSqlProviders()
    {
        var providers = new[] { "Microsoft.Data.Sqlite", "Microsoft.Data.SqlClient" };
        var assemblies = Repository.Modules.SelectMany(m => new[] { m.Implementation, m.Contracts }.OfType<Assembly>()).Append(Repository.Host);

        var offenders = assemblies.Where(a => a.GetReferencedAssemblies().Any(r => providers.Contains(r.Name))).Select(a => a.GetName().Name);

        Assert.That(offenders, Is.Empty);
    }

    [TestCaseSource(nameof(Modules))]
    public void ModuleSql_NamesOnlyItsOwnTables(string name)
    {
        var owned = TablesOwnedBy();
        var foreign = owned.Where(o => o.Key != name).SelectMany(o => o.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var offences = Sources(name)
            .SelectMany(file => TableReference().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Table: m.Groups["table"].Value)))
            .Where(r => foreign.Contains(r.Table))
            .Select(r => $"{r.File} names {r.Table}");

        Assert.That(offences, Is.Empty);
    }

    /// <summary>Every migration belongs to a module or to the building blocks, and a module that writes SQL owns tables of its own.</summary>
    [Test]
    public void TableOwnership_CoversEveryModuleThatWritesSql()
    {
        var owners = TablesOwnedBy().Keys;
        var writingSql = Repository.Modules.Select(m => m.Name).Where(name => Sources(name).Any(f => TableReference().IsMatch(File.ReadAllText(f))));

        Assert.Multiple(() =>
        {
            Assert.That(owners, Is.SubsetOf(Repository.Modules.Select(m => m.Name).Append(SharedOwner)));
            Assert.That(writingSql, Is.SubsetOf(owners));
            Assert.That(owners, Does.Contain("Obstacles").And.Contain("Amendments").And.Contain(SharedOwner));
        });
    }

    private static IEnumerable<string> Sources(string module) =>
        Directory.GetFiles(Path.Combine(Repository.Root.Value, "src", "Modules", module), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private const string SharedOwner = "BuildingBlocks";

    /// <summary>
    /// A migration file belongs to the module whose name it carries (<c>0002_regulations.sql</c>,
    /// <c>0005_obstacle_search.sql</c>); the others hold the building blocks' shared tables, which no module's SQL may name.
    /// </summary>
    private static Dictionary<string, HashSet<string>> TablesOwnedBy() =>
        Repository.Migrations(BuildingBlocks.Data.DatabaseProvider.Sqlite)
            .GroupBy(m => Repository.Modules.FirstOrDefault(x => m.Name.Contains(x.Name.TrimEnd('s'), StringComparison.OrdinalIgnoreCase)).Name ?? SharedOwner)
            .ToDictionary(
                g => g.Key,
                g => g.SelectMany(m => CreateTable().Matches(m.Script).Select(x => x.Groups["table"].Value)).ToHashSet(StringComparer.OrdinalIgnoreCase));

    private static bool IsHandler(Type type) =>
        !type.IsAbstract && type.GetInterfaces().Any(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(INotificationHandler<>)));

    private static bool IsRequest(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IRequest<>);

    [GeneratedRegex(@"CREATE (?:VIRTUAL )?TABLE (?<table>\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"\b(FROM|JOIN|INTO|UPDATE)\s+(dbo\.)?(?<table>[a-z_]+)\b")]
    private static partial Regex TableReference();
}
