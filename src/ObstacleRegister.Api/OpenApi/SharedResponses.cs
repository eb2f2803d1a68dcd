using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace ObstacleRegister.Api.OpenApi;

internal static class SharedResponses
{
    /// <summary>
    /// Error answers written once, under <c>components/responses</c>, and referenced: the same 401, 404 or 503 repeated
    /// on every operation made most of the document, and Swagger UI slow to open it. An error answer an operation
    /// describes in its own words stays its own.
    /// </summary>
    public static Task Apply(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        document.Components!.Responses ??= new Dictionary<string, IOpenApiResponse>();
        var uses = document.Paths.Values
            .SelectMany(item => item.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Responses!.Where(r => r.Key.Length == 3 && r.Key[0] is '4' or '5').Select(r => (operation, r.Key, r.Value)))
            .ToList();
        foreach (var group in uses.GroupBy(u => Likeness(u.Key, u.Value), StringComparer.Ordinal).Where(g => g.Count() > 1).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = ResponseName(group.First().Key, document.Components.Responses.Keys);
            document.Components.Responses[name] = group.First().Value;
            shared[group.Key] = name;
        }

        foreach (var (operation, code, response) in uses)
        {
            if (shared.TryGetValue(Likeness(code, response), out var name))
            {
                operation.Responses![code] = new OpenApiResponseReference(name, document);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Answers alike in all a client reads: the status, the words, the headers (the body is the one problem schema).</summary>
    private static string Likeness(string code, IOpenApiResponse response) =>
        $"{code}|{response.Description}|{string.Join(',', (response.Headers?.Keys ?? []).Order(StringComparer.Ordinal))}";

    /// <summary>The status's reason in one word (<c>NotFound</c>), numbered when the status has several shared answers.</summary>
    private static string ResponseName(string code, IEnumerable<string> taken)
    {
        var reason = ReasonPhrases.GetReasonPhrase(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture)).Replace(" ", "", StringComparison.Ordinal);
        var name = reason;
        for (var n = 2; taken.Contains(name, StringComparer.Ordinal); n++)
        {
            name = $"{reason}{n}";
        }

        return name;
    }
}
