namespace ObstacleRegister.Access.Contracts;

/// <summary>
/// What happens to a unit; the register's event catalogue lists these
/// with the other modules' names.
/// </summary>
public static class UnitEvents
{
    public const string Resource = "unit";
    public const string Registered = "registered";

    public static string Type(string action) => $"{Resource}.{action}";
}
