using System.Globalization;

namespace ObstacleRegister.Reports.Site;

/// <summary>A line of a chart. Colour is never the only difference: each line also has its dash pattern and marker shape.</summary>
/// <param name="Dash">SVG stroke-dasharray, empty for a solid line.</param>
/// <param name="Marker">circle, square, triangle or diamond.</param>
public sealed record ChartSeries(string Label, IReadOnlyList<int> Values, string Color, string Dash, string Marker);

/// <summary>A bar of a bar chart.</summary>
public sealed record ChartBar(string Label, int Value);

/// <summary>Geometry shared by the charts: a scale whose top is a round number, and coordinates written invariantly.</summary>
public static class ChartScale
{
    private static readonly int[] Steps = [1, 2, 5, 10];

    /// <summary>The smallest of 1, 2, 5 × 10ⁿ at or above <paramref name="max"/>, so gridlines fall on round numbers.</summary>
    public static int Top(int max)
    {
        if (max <= 1)
        {
            return 1;
        }

        var magnitude = (int)Math.Pow(10, Math.Floor(Math.Log10(max)));
        return Steps.Select(m => m * magnitude).First(top => top >= max);
    }

    /// <summary>Gridline values from 0 to the top: four or five steps.</summary>
    public static IReadOnlyList<int> Ticks(int top)
    {
        var step = top <= 4 ? 1 : top % 4 == 0 ? top / 4 : top % 5 == 0 ? top / 5 : Math.Max(1, top / 4);
        return [.. Enumerable.Range(0, (top / step) + 1).Select(i => i * step)];
    }

    public static string At(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The marker of a series at a point, as an SVG path.</summary>
    public static string MarkerPath(string marker, double x, double y) => marker switch
    {
        "square" => $"M{At(x - 4)},{At(y - 4)}h8v8h-8z",
        "triangle" => $"M{At(x)},{At(y - 5)}l5,9h-10z",
        "diamond" => $"M{At(x)},{At(y - 5)}l5,5l-5,5l-5,-5z",
        _ => $"M{At(x - 4)},{At(y)}a4,4 0 1,0 8,0a4,4 0 1,0 -8,0",
    };
}
