using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using ObstacleRegister.BuildingBlocks.Errors;

namespace ObstacleRegister.BuildingBlocks.Validation;

/// <summary>
/// The dates a client may send, in a body or a query: 1900-01-01 to 2199-12-31. Wider than any regulation, deadline or
/// report period, and narrow enough that a week, a month or a day's start in any time zone stays a valid date. Checked
/// once at the edge for every operation, so no handler meets a date it cannot compute with.
/// </summary>
public static class ClientDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;

    public static string OutOfRange(string field) => $"'{field}' must be a date from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}.";

    /// <summary>Whether a JSON error is this converter's range refusal rather than a malformed value.</summary>
    public static bool IsOutOfRange(JsonException exception) => exception is OutOfRangeException;

    /// <summary>Refuses query dates out of range with a 400 naming the parameter, for every endpoint of a group.</summary>
    public static EndpointFilterDelegate QueryFilter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        // Bodies are records read by the converter below; a DateOnly parameter is a route or query value.
        var dates = context.MethodInfo.GetParameters()
            .Select((p, i) => (p.Name, Index: i, p.ParameterType))
            .Where(p => p.ParameterType == typeof(DateOnly) || p.ParameterType == typeof(DateOnly?))
            .ToArray();
        if (dates.Length == 0)
        {
            return next;
        }

        return invocation =>
        {
            foreach (var (name, index, _) in dates)
            {
                if (invocation.Arguments[index] is DateOnly date && !InRange(date))
                {
                    throw RequestValidationException.For(name!, OutOfRange(name!));
                }
            }

            return next(invocation);
        };
    }

    /// <summary>A body date outside the range; System.Text.Json adds the field's path to it.</summary>
    public sealed class OutOfRangeException() : JsonException($"A date must be from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}.");

    /// <summary>ISO dates in bodies, refused out of range; System.Text.Json then names the field's path.</summary>
    public sealed class JsonConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String
                || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new JsonException("A date must be a string of the form YYYY-MM-DD.");
            }

            return InRange(date) ? date : throw new OutOfRangeException();
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
