using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.Pages;

namespace ObstacleRegister.Reports.OpenData;

/// <summary>The allowed values of a coded column: each code as the data writes it, with its label in the reader's language.</summary>
public static class AllowedValues
{
    public static IEnumerable<(string Code, string Label)> Of(DataColumn column) =>
        column.Values is { } type ? Enum.GetValues(type).Cast<Enum>().Select(v => (WireNames.OfAny(v), PageFormat.Label(v)))
        : column.Codes is { } codes ? codes.Select(c => (c, Say.Text($"Site.Column.{c}")))
        : [];
}
