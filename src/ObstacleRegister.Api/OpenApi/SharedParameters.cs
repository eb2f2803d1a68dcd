using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ObstacleRegister.Api.OpenApi;

/// <summary>
/// Parameters written once, under <c>components/parameters</c>, and referenced: a resource's <c>id</c>, <c>limit</c>,
/// <c>cursor</c> and <c>If-Match</c> stood, word for word, on dozens of operations. Runs last, once every parameter
/// has its final description; a parameter an operation describes in its own words stays its own.
/// </summary>
internal static class SharedParameters
{
    public static Task Apply(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Parameters ??= new Dictionary<string, IOpenApiParameter>();
        var uses = document.Paths.Values
            .SelectMany(item => item.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => (operation.Parameters ?? []).Select((parameter, index) => (operation, index, parameter)))
            .Where(u => u.parameter is OpenApiParameter)
            .ToList();
        foreach (var group in uses.GroupBy(u => Likeness(u.parameter), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var name = Name(group.First().parameter, document.Components.Parameters.Keys);
            document.Components.Parameters[name] = group.First().parameter;
            foreach (var (operation, index, _) in group)
            {
                operation.Parameters![index] = new OpenApiParameterReference(name, document);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Parameters alike in everything a client reads, the schema as the document writes it.</summary>
    private static string Likeness(IOpenApiParameter parameter)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        parameter.SerializeAsV31(new OpenApiJsonWriter(text));
        return text.ToString();
    }

    private static string Name(IOpenApiParameter parameter, IEnumerable<string> taken)
    {
        var name = parameter.Name!;
        for (var n = 2; taken.Contains(name, StringComparer.Ordinal); n++)
        {
            name = $"{parameter.Name}{n}";
        }

        return name;
    }
}
