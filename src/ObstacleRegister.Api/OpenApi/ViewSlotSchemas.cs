using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ObstacleRegister.BuildingBlocks.Composition;

namespace ObstacleRegister.Api.OpenApi;

/// <summary>
/// A composed view's slots in the document: each slot property gets the schema of what its filler puts there, so the
/// document shows one object, as a client receives it, whichever module fills which property.
/// </summary>
internal static class ViewSlotSchemas
{
    public static async Task Apply(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        await using var scope = context.ApplicationServices.CreateAsyncScope();
        var fillers = scope.ServiceProvider.GetServices<IViewSlotFiller>().ToList();
        var schemas = document.Components!.Schemas!;
        foreach (var viewType in ModuleAssemblies.All.SelectMany(a => a.GetTypes()).Where(t => t.GetCustomAttribute<ComposedViewAttribute>() is not null))
        {
            if (!schemas.TryGetValue(viewType.Name, out var found) || found is not OpenApiSchema { Properties: { } properties })
            {
                continue;
            }

            var (view, slots) = ViewSlots.Of(viewType);
            foreach (var (slot, _) in slots)
            {
                var filler = fillers.Single(f => f.View == view && f.Slot == slot);
                properties[slot] = await SchemaOf(filler, XmlDocDescriptions.OfParameter(viewType.Name, slot), document, context, ct);
            }
        }

        // The slot's own type never reaches a client: each slot is written as its value.
        schemas.Remove(nameof(ViewSlot));
    }

    private static async Task<IOpenApiSchema> SchemaOf(
        IViewSlotFiller filler, string? description, OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var schema = await Referenced(filler.ValueType, document, context, ct);
        if (filler.MayBeNull)
        {
            // As the generator writes a nullable object: null or the referenced schema, the description dropped with the $ref.
            return new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, schema] };
        }

        if (schema is OpenApiSchema inline)
        {
            inline.Description = description;
        }

        return schema;
    }

    /// <summary>The value's schema, with an object type (and a list's items) as a reference to its component, as everywhere else.</summary>
    private static async Task<IOpenApiSchema> Referenced(Type type, OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var item = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;
        if (item is not null)
        {
            return new OpenApiSchema { Type = JsonSchemaType.Array, Items = await Referenced(item, document, context, ct) };
        }

        var schema = await context.GetOrCreateSchemaAsync(type, cancellationToken: ct);
        if (schema.Properties is not { Count: > 0 })
        {
            return schema;
        }

        var schemas = document.Components!.Schemas!;
        if (schema is OpenApiSchema inline)
        {
            ReferenceEnums(inline, type, document);
        }

        schemas.TryAdd(type.Name, schema);
        return new OpenApiSchemaReference(type.Name, document);
    }

    /// <summary>An enum property points at the enum's component, as the generator writes it for the register's own types.</summary>
    private static void ReferenceEnums(OpenApiSchema schema, Type type, OpenApiDocument document)
    {
        foreach (var property in type.GetProperties())
        {
            var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsEnum && schema.Properties!.ContainsKey(name) && document.Components!.Schemas!.ContainsKey(propertyType.Name))
            {
                schema.Properties[name] = new OpenApiSchemaReference(propertyType.Name, document);
            }
        }
    }
}
