namespace ObstacleRegister.Regulations.Contracts;

/// <summary>
/// What happens to a regulation; the register's event catalogue lists these
/// with the other modules' names.
/// </summary>
public static class RegulationEvents
{
    public const string Resource = "regulation";
    public const string Registered = "registered";
    public const string Updated = "updated";
    public const string StatusChanged = "status_changed";
    public const string ReviewNeeded = "review_needed";
    public const string Reviewed = "reviewed";
    public const string ReviewReminded = "review_reminded";
    public const string ReviewEscalated = "review_escalated";

    public static string Type(string action) => $"{Resource}.{action}";
}
