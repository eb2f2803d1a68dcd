using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using ObstacleRegister.BuildingBlocks.Errors;

namespace ObstacleRegister.BuildingBlocks.Http;

/// <summary>
/// Holds a request to what its operation declares, as unknown body fields already are: a query parameter the operation
/// does not take is a 400 naming it (a misspelt <c>satus=accepted</c> would otherwise silently list everything), and
/// <c>Accept: text/csv</c> on an operation without CSV is 406 instead of JSON the caller did not ask for.
/// </summary>
public static class QueryContract
{
    private static readonly HashSet<Type> QueryTypes =
    [
        typeof(string), typeof(int), typeof(long), typeof(bool), typeof(Guid), typeof(DateOnly), typeof(DateTimeOffset), typeof(DateTime),
    ];

    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var declared = context.MethodInfo.GetParameters().Where(IsQueryValue).Select(p => p.Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return invocation =>
        {
            var request = invocation.HttpContext.Request;
            var unknown = request.Query.Count == 0 ? [] : request.Query.Keys.Where(k => !declared.Contains(k)).Order(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                var allowed = string.Join(", ", declared.Order(StringComparer.Ordinal));
                throw new RequestValidationException(unknown.ToDictionary(k => k, k => new[]
                {
                    declared.Count == 0 ? Localization.Say.Text("Validation.NoParameters", k) : Localization.Say.Text("Validation.UnknownParameter", k, allowed),
                }));
            }

            if (WantsOnlyCsv(request) && invocation.HttpContext.GetEndpoint()?.Metadata.GetMetadata<CsvAlternativeMetadata>() is null)
            {
                throw new NotAcceptableException(Localization.Say.Text("Problem.Detail.JsonOnly"));
            }

            return next(invocation);
        };
    }

    private static bool IsQueryValue(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttributes().Any(a => a is FromHeaderAttribute or FromBodyAttribute or FromServicesAttribute))
        {
            return false;
        }

        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return QueryTypes.Contains(type) || type.IsEnum;
    }

    private static bool WantsOnlyCsv(HttpRequest request)
    {
        // Every request passes here: parse the header only when it names CSV at all.
        if (!request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var accept = request.GetTypedHeaders().Accept;
        return accept.Count > 0 && accept.All(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
    }
}
