using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ObstacleRegister.Api.OpenApi;

/// <summary>
/// Describes body and answer properties from the modules' XML documentation (a record's <c>param</c> tags, a
/// property's <c>summary</c>). The framework's own XML-comment support reads public types only, and the register's
/// DTOs are internal to their modules; their documentation files ship beside the service.
/// </summary>
internal static partial class XmlDocDescriptions
{
    private static readonly Lazy<Dictionary<string, string>> Docs = new(Load);

    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (schema.Description is not null || context.JsonPropertyInfo?.AttributeProvider is not PropertyInfo property
            || property.DeclaringType is not { } type || IsShared(property.PropertyType))
        {
            return Task.CompletedTask;
        }

        var typeName = type.FullName?.Replace('+', '.');
        if (typeName is not null
            && (Docs.Value.TryGetValue($"P:{typeName}.{property.Name}", out var text) || Docs.Value.TryGetValue($"T:{typeName}|{property.Name}", out text)))
        {
            schema.Description = text;
        }
        else if (context.JsonPropertyInfo.Name is { } name && FieldGlossary.Meanings.TryGetValue(name, out var meaning))
        {
            schema.Description = meaning;
        }

        return Task.CompletedTask;
    }

    /// <summary>The documentation of a record's parameter, found by the record's schema name and the JSON property's name.</summary>
    public static string? OfParameter(string schemaName, string jsonName)
    {
        var suffix = $".{schemaName}|{char.ToUpperInvariant(jsonName[0])}{jsonName[1..]}";
        return Docs.Value.FirstOrDefault(d => d.Key.StartsWith("T:", StringComparison.Ordinal) && d.Key.EndsWith(suffix, StringComparison.Ordinal)).Value;
    }

    /// <summary>
    /// An object or enum property's schema is its type's component, shared by every property of that type: one
    /// property's words must not become all of theirs. Values and lists get their own schema.
    /// </summary>
    private static bool IsShared(Type propertyType)
    {
        var type = Nullable.GetUnderlyingType(propertyType) ?? propertyType;
        return type.IsEnum || (type.IsClass && type != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type));
    }

    private static Dictionary<string, string> Load()
    {
        var docs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "ObstacleRegister.*.xml"))
        {
            foreach (var member in XDocument.Load(file).Descendants("member"))
            {
                var name = member.Attribute("name")?.Value ?? "";
                if (name.StartsWith("P:", StringComparison.Ordinal) && member.Element("summary") is { } summary)
                {
                    docs[name] = Text(summary);
                }
                else if (name.StartsWith("T:", StringComparison.Ordinal))
                {
                    foreach (var parameter in member.Elements("param"))
                    {
                        docs[$"{name}|{parameter.Attribute("name")?.Value}"] = Text(parameter);
                    }
                }
            }
        }

        return docs;
    }

    /// <summary>The words of a tag: <c>code</c> as Markdown code, references by their short name, whitespace folded.</summary>
    private static string Text(XElement element)
    {
        var parts = element.Nodes().Select(node => node switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "c" } code => $"`{code.Value}`",
            XElement { Name.LocalName: "see" or "paramref" } reference =>
                reference.Attribute("cref")?.Value.Split('.', ':')[^1] ?? reference.Attribute("name")?.Value ?? reference.Value,
            XElement other => other.Value,
            _ => "",
        });
        return Whitespace().Replace(string.Concat(parts), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
