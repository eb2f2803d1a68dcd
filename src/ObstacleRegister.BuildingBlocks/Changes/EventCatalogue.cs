namespace ObstacleRegister.BuildingBlocks.Changes;

/// <summary>
/// The one vocabulary of what happens in the register, assembled from the event names each module declares in its
/// contracts (a static class with a <c>Resource</c> constant and one constant per action). A history entry's action, a
/// change-feed type (<c>resource.action</c>), a webhook subscription and a report's SQL all name events from there; the
/// change log refuses a type the catalogue does not list, and an architecture test fails on a literal event name anywhere else.
/// </summary>
public sealed class EventCatalogue
{
    private readonly HashSet<string> known;
    private readonly HashSet<string> resources;

    /// <param name="eventNames">The modules' event-name classes, in the order the catalogue lists them.</param>
    public EventCatalogue(IEnumerable<Type> eventNames)
    {
        Resources = [.. eventNames.Select(Read)];
        Types = [.. Resources.SelectMany(r => r.Actions.Select(a => $"{r.Resource}.{a}"))];
        known = [.. Types];
        resources = [.. Resources.Select(r => r.Resource)];
    }

    /// <summary>Every change type, <c>resource.action</c>, in catalogue order.</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>Each resource with its actions.</summary>
    public IReadOnlyList<(string Resource, IReadOnlyList<string> Actions)> Resources { get; }

    public bool IsKnown(string type) => known.Contains(type);

    /// <summary>What a webhook may subscribe to: one type, every action of a resource (<c>resource.*</c>), or <c>*</c>.</summary>
    public bool IsSubscribable(string? type) =>
        type is "*" || (type is not null && (known.Contains(type) || (type.EndsWith(".*", StringComparison.Ordinal) && resources.Contains(type[..^2]))));

    private static (string Resource, IReadOnlyList<string> Actions) Read(Type names)
    {
        var constants = names.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Where(f => f.IsLiteral).ToList();
        var resource = (string)(constants.SingleOrDefault(f => f.Name == "Resource")?.GetRawConstantValue()
            ?? throw new ArgumentException($"{names.Name} names no Resource.", nameof(names)));
        return (resource, [.. constants.Where(f => f.Name != "Resource").Select(f => (string)f.GetRawConstantValue()!)]);
    }
}
