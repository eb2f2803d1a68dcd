using System.Reflection;
using MediatR;
using Microsoft.AspNetCore.Routing;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Architecture;

/// <summary>
/// The shared kernel holds mechanisms (data access, the pipeline, the change log's writer, view slots), never a feature:
/// no endpoint of its own, no module's event names, no requests but its own mechanisms'. Its texts are checked in
/// <c>LocalizedTextTests</c>.
/// </summary>
public sealed class KernelContentTests
{
    private static readonly Type[] KernelTypes = Repository.BuildingBlocks.GetTypes();

    [Test]
    public void TheKernel_MapsNoEndpointOfItsOwn()
    {
        // A feature's mapping is a Map… extension the host calls with nothing but the route builder; a helper that maps
        // an endpoint a module describes (VersionedActions) takes the module's action and command.
        var features = KernelTypes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name.StartsWith("Map", StringComparison.Ordinal)
                && m.GetParameters() is [{ ParameterType: var only }] && typeof(IEndpointRouteBuilder).IsAssignableFrom(only))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");

        Assert.That(features, Is.Empty);
    }

    [Test]
    public void TheKernel_DeclaresNoModulesEventNames()
    {
        var eventNames = KernelTypes.Where(t => t.GetField("Resource", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true }).Select(t => t.Name);

        Assert.That(eventNames, Is.Empty);
    }

    [Test]
    public void TheKernel_HandlesOnlyItsMechanismsRequests()
    {
        var handled = KernelTypes
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(INotificationHandler<>)))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(handled, Is.Not.Empty, "the idempotency store's requests are handled here");
            Assert.That(handled.Where(r => r.Namespace != "ObstacleRegister.BuildingBlocks.Idempotency").Select(r => r.FullName), Is.Empty);
        });
    }
}
