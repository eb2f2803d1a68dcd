using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ObstacleRegister.BuildingBlocks.Composition;

/// <summary>
/// Names a view that shows facts owned by modules above the one that owns the view (a regulation's page shows
/// the amendments touching it and how many obstacles cite it). The owner leaves a <see cref="ViewSlot"/> for each
/// such fact; the module that owns the fact fills it (<see cref="IViewSlotFiller"/>), so the owner asks nobody
/// above it. The name is the one the fillers and the OpenAPI document know the view by.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ComposedViewAttribute(string name) : Attribute
{
    public string Name => name;
}

/// <summary>A view with slots; <see cref="Id"/> is the id of the thing it shows, which fillers look up.</summary>
public interface IComposedView
{
    Guid Id { get; }
}

/// <summary>An answer that carries a composed view (a view with its version, for the ETag).</summary>
public interface IHasComposedView
{
    IComposedView View { get; }
}

/// <summary>
/// A place in a view for a fact another module owns. Written to JSON as its value; a slot the owner left
/// <see cref="Empty"/> is written as null without asking anyone.
/// </summary>
[JsonConverter(typeof(ViewSlotJsonConverter))]
public sealed class ViewSlot
{
    private ViewSlot(bool wanted) => Wanted = wanted;

    /// <summary>Whether the view wants the fact (an obstacle not yet taken on by an amendment has none to show).</summary>
    public bool Wanted { get; }

    public bool Filled { get; private set; }

    public object? Value { get; private set; }

    /// <summary>A slot to be filled by the module that owns the fact.</summary>
    public static ViewSlot Open() => new(wanted: true);

    /// <summary>A slot the view shows as null: there is nothing to ask for.</summary>
    public static ViewSlot Empty() => new(wanted: false);

    internal void Fill(object? value)
    {
        Value = value;
        Filled = true;
    }

    private sealed class ViewSlotJsonConverter : JsonConverter<ViewSlot>
    {
        public override ViewSlot Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A view slot is written, never read.");

        public override void Write(Utf8JsonWriter writer, ViewSlot value, JsonSerializerOptions options)
        {
            if (value.Wanted && !value.Filled)
            {
                // A programming error, not a client's: the module owning the fact registered no filler, or the
                // view left the pipeline without being composed.
                throw new InvalidOperationException("A view slot was written before it was filled.");
            }

            if (value.Value is null)
            {
                writer.WriteNullValue();
                return;
            }

            JsonSerializer.Serialize(writer, value.Value, value.Value.GetType(), options);
        }
    }
}

/// <summary>
/// Fills one slot of one view with a fact its module owns. Runs inside the request's transaction, after the
/// view's owner has answered, so a write answers with what it committed.
/// </summary>
public interface IViewSlotFiller
{
    /// <summary>The view's name, as its <see cref="ComposedViewAttribute"/> gives it.</summary>
    string View { get; }

    /// <summary>The slot's JSON property name.</summary>
    string Slot { get; }

    /// <summary>What the slot holds, for the OpenAPI document.</summary>
    Type ValueType { get; }

    /// <summary>Whether the slot may hold null: the filler may find nothing, or the view may leave it <see cref="ViewSlot.Empty"/>.</summary>
    bool MayBeNull => false;

    Task<object?> FillAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>The slots a view type declares, found once per type.</summary>
public static class ViewSlots
{
    private static readonly ConcurrentDictionary<Type, (string View, (string Slot, PropertyInfo Property)[] Slots)> Declared = new();

    public static (string View, (string Slot, PropertyInfo Property)[] Slots) Of(Type viewType) =>
        Declared.GetOrAdd(viewType, type =>
        {
            var view = type.GetCustomAttribute<ComposedViewAttribute>()?.Name
                ?? throw new InvalidOperationException($"{type.Name} has slots but no [ComposedView] name.");
            var slots = type.GetProperties()
                .Where(p => p.PropertyType == typeof(ViewSlot))
                .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), p))
                .ToArray();
            return (view, slots);
        });
}
