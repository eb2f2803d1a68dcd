namespace ObstacleRegister.Amendments.Contracts;

/// <summary>
/// What happens to an amendment, the notices about it included; the register's event catalogue lists these
/// with the other modules' names.
/// </summary>
public static class AmendmentEvents
{
    public const string Resource = "amendment";
    public const string Opened = "opened";
    public const string ObstaclesLinked = "obstacles_linked";
    public const string ProgressReported = "progress_reported";
    public const string DeadlineMoved = "deadline_moved";
    public const string Issued = "issued";
    public const string EnteredIntoForce = "entered_into_force";
    public const string Cancelled = "cancelled";
    public const string DueSoon = "due_soon";
    public const string Overdue = "overdue";
    public const string Stale = "stale";
    public const string Escalated = "escalated";
    public const string AtRisk = "at_risk";

    public static string Type(string action) => $"{Resource}.{action}";
}
