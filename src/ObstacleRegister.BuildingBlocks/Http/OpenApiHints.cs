using Microsoft.AspNetCore.Builder;

namespace ObstacleRegister.BuildingBlocks.Http;

/// <summary>
/// Marks a query parameter read as text by <see cref="QueryValues.Enum{TEnum}"/> (so a bad value is a field error in the
/// register's words, not the framework's): the OpenAPI document then gives it the enum's schema.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class WireEnumAttribute<TEnum> : Attribute, IWireEnumParameter
    where TEnum : struct, Enum
{
    public Type EnumType => typeof(TEnum);
}

/// <summary>The enum a text parameter stands for.</summary>
public interface IWireEnumParameter
{
    Type EnumType { get; }
}

/// <summary>An operation that also answers <c>Accept: text/csv</c> with CSV of the same figures.</summary>
public sealed class CsvAlternativeMetadata;

public static class CsvAlternativeExtensions
{
    /// <summary>Says in the OpenAPI document that 200 may also be <c>text/csv</c>, beside the JSON schema declared.</summary>
    public static RouteHandlerBuilder ProducesCsvToo(this RouteHandlerBuilder builder) => builder.WithMetadata(new CsvAlternativeMetadata());
}

/// <summary>
/// The only values of an enum property the server accepts here (a check-in's stage is never <c>issued</c>): the OpenAPI
/// document lists these instead of the whole enum, so a generated client offers no value that would be refused.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AcceptsOnlyAttribute(params string[] values) : Attribute
{
    public IReadOnlyList<string> Values { get; } = values;
}
