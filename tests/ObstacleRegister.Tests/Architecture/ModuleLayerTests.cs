using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using MediatR;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Architecture;

/// <summary>
/// The arrows between modules point one way (ADR 0040): a module asks only the modules below it, by project reference,
/// by the requests it constructs and sends, and by the notifications it handles. What must flow back up is a
/// notification the lower module publishes, or a slot of its view that the upper module fills.
/// </summary>
public sealed class ModuleLayerTests
{
    /// <summary>Lowest first. Regulations asks nobody but the services below it; Amendments sits above Obstacles.</summary>
    private static readonly string[] Layers = ["Access", "Notifications", "Changes", "Regulations", "Obstacles", "Amendments", "Webhooks", "Reports"];

    private static IEnumerable<TestCaseData> Modules() =>
        Repository.Modules.Select(m => new TestCaseData(m.Name).SetArgDisplayNames(m.Name));

    [Test]
    public void EveryModule_HasALayer() =>
        Assert.That(Repository.Modules.Select(m => m.Name), Is.EquivalentTo(Layers));

    [TestCaseSource(nameof(Modules))]
    public void Module_ReferencesNoContractsOfAModuleAboveIt(string name)
    {
        var above = ContractsAbove(name).Select(a => a.GetName().Name).ToHashSet();

        var references = Implementation(name).GetReferencedAssemblies().Select(a => a.Name!);

        Assert.That(references.Where(above.Contains), Is.Empty);
    }

    [TestCaseSource(nameof(Modules))]
    public void Module_SendsNoRequestOfAModuleAboveIt(string name)
    {
        var above = ContractsAbove(name).ToList();

        var sent = ConstructedTypes(Implementation(name))
            .Select(t => above.Select(a => a.GetType(t)).FirstOrDefault(found => found is not null))
            .OfType<Type>()
            .Where(IsMessage);

        Assert.That(sent.Select(t => t.FullName), Is.Empty);
    }

    [TestCaseSource(nameof(Modules))]
    public void Module_HandlesOnlyNotificationsOfItselfOrModulesBelow(string name)
    {
        var above = ContractsAbove(name).ToHashSet();

        var handled = Implementation(name).GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(INotificationHandler<>))
            .Select(i => i.GetGenericArguments()[0]);

        Assert.That(handled.Where(n => above.Contains(n.Assembly)).Select(n => n.FullName), Is.Empty);
    }

    /// <summary>The scan sees what it must: the cascade of an amendment in force is asked of the modules below.</summary>
    [Test]
    public void RequestScan_FindsTheCascadeAmendmentsSendsDown()
    {
        var constructed = ConstructedTypes(Implementation("Amendments")).ToHashSet();

        Assert.That(constructed, Does.Contain(typeof(Obstacles.Contracts.ResolveObstaclesOfAmendment).FullName)
            .And.Contain(typeof(Regulations.Contracts.ApplyIssuedDocumentInForce).FullName));
    }

    /// <summary>Each slot of a composed view is filled by exactly one module, and that module sits above the view's owner.</summary>
    [Test]
    public void EveryViewSlot_IsFilledOnce_FromAbove()
    {
        var fillers = Repository.Modules
            .SelectMany(m => m.Implementation.GetTypes().Where(t => !t.IsAbstract && typeof(BuildingBlocks.Composition.IViewSlotFiller).IsAssignableFrom(t)).Select(t => (m.Name, Type: t)))
            .Select(f => (f.Name, Filler: (BuildingBlocks.Composition.IViewSlotFiller)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(f.Type)))
            .ToList();
        var views = Repository.Modules
            .SelectMany(m => m.Implementation.GetTypes().Where(t => t.GetCustomAttribute<BuildingBlocks.Composition.ComposedViewAttribute>() is not null).Select(t => (m.Name, Type: t)))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(views.Select(v => v.Type.Name), Is.EquivalentTo(new[] { "RegulationDto", "ObstacleDto" }));
            foreach (var (owner, type) in views)
            {
                var (view, slots) = BuildingBlocks.Composition.ViewSlots.Of(type);
                foreach (var (slot, _) in slots)
                {
                    var filling = fillers.Where(f => f.Filler.View == view && f.Filler.Slot == slot).ToList();
                    Assert.That(filling, Has.Count.EqualTo(1), $"{view}.{slot} fillers");
                    Assert.That(filling.All(f => Array.IndexOf(Layers, f.Name) > Array.IndexOf(Layers, owner)), Is.True, $"{view}.{slot} is filled from below");
                }
            }
        });
    }

    private static Assembly Implementation(string name) => Repository.Modules.Single(m => m.Name == name).Implementation;

    private static IEnumerable<Assembly> ContractsAbove(string name)
    {
        var rank = Array.IndexOf(Layers, name);
        return Repository.Modules.Where(m => Array.IndexOf(Layers, m.Name) > rank).Select(m => m.Contracts).OfType<Assembly>();
    }

    private static bool IsMessage(Type type) =>
        typeof(INotification).IsAssignableFrom(type)
        || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>));

    /// <summary>The full names of the types whose constructors the assembly calls, read from its metadata: what it creates, and so what it can send.</summary>
    private static List<string> ConstructedTypes(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var metadata = pe.GetMetadataReader();
        var names = new List<string>();
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (metadata.GetString(member.Name) == ".ctor" && member.Parent.Kind == HandleKind.TypeReference)
            {
                var type = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
                names.Add($"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}");
            }
        }

        return names;
    }
}
