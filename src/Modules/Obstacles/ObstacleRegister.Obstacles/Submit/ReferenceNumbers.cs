using System.Globalization;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Obstacles.Submit;

/// <summary>
/// Readable references, numbered per year: <c>VM-2026-000042</c> (VM: vướng mắc). The counter row is
/// updated inside the intake's transaction, so two intakes never get the same number and a rolled-back
/// intake gives its number back.
/// </summary>
internal static class ReferenceNumbers
{
    private const string Increment = "UPDATE obstacle_reference_counter SET last_number = last_number + @Count WHERE year = @Year";

    private const string Start = "INSERT INTO obstacle_reference_counter (year, last_number) VALUES (@Year, @Count)";

    private const string Read = "SELECT last_number FROM obstacle_reference_counter WHERE year = @Year";

    /// <summary>Takes <paramref name="count"/> consecutive numbers of <paramref name="year"/> at once; the first of them.</summary>
    public static async Task<int> Take(IDbSession db, int year, int count, CancellationToken ct)
    {
        var block = new { Year = year, Count = count };
        if (await db.ExecuteAsync(Increment, block, ct) == 0)
        {
            try
            {
                await db.ExecuteAsync(Start, block, ct);
            }
            catch (Exception ex) when (db.Dialect.IsUniqueViolation(ex))
            {
                // Another intake started the year first; its row is there now.
                await db.ExecuteAsync(Increment, block, ct);
            }
        }

        var last = await db.ExecuteScalarAsync<int>(Read, new { Year = year }, ct);
        return last - count + 1;
    }

    public static string Format(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"VM-{year:D4}-{number:D6}");
}
