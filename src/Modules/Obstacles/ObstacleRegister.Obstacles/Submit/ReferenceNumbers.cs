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
    private const string Increment = "UPDATE obstacle_reference_counter SET last_number = last_number + 1 WHERE year = @Year";

    private const string Start = "INSERT INTO obstacle_reference_counter (year, last_number) VALUES (@Year, 1)";

    private const string Read = "SELECT last_number FROM obstacle_reference_counter WHERE year = @Year";

    public static async Task<string> Next(IDbSession db, int year, CancellationToken ct)
    {
        if (await db.ExecuteAsync(Increment, new { Year = year }, ct) == 0)
        {
            try
            {
                await db.ExecuteAsync(Start, new { Year = year }, ct);
            }
            catch (Exception ex) when (db.Dialect.IsUniqueViolation(ex))
            {
                // Another intake started the year first; its row is there now.
                await db.ExecuteAsync(Increment, new { Year = year }, ct);
            }
        }

        var number = await db.ExecuteScalarAsync<int>(Read, new { Year = year }, ct);
        return Format(year, number);
    }

    public static string Format(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"VM-{year:D4}-{number:D6}");
}
