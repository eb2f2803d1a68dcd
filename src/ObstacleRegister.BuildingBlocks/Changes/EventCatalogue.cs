using System.Reflection;

namespace ObstacleRegister.BuildingBlocks.Changes;

/// <summary>
/// The one vocabulary of what happens in the register. A history entry's action, a change-feed type
/// (<c>resource.action</c>), a webhook subscription and a report's SQL all name events from here; the change log refuses
/// a type it does not list, and an architecture test fails on a literal event name anywhere else.
/// </summary>
public static class EventCatalogue
{
    /// <summary>Every change type, <c>resource.action</c>, in catalogue order.</summary>
    public static IReadOnlyList<string> Types { get; } =
        [.. Resources().SelectMany(r => r.Actions.Select(a => $"{r.Resource}.{a}"))];

    private static readonly HashSet<string> Known = [.. Types];

    public static bool IsKnown(string type) => Known.Contains(type);

    /// <summary>Each resource with its actions, read from the constants of the classes below.</summary>
    public static IEnumerable<(string Resource, IReadOnlyList<string> Actions)> Resources() =>
        new[] { typeof(ObstacleEvents), typeof(AmendmentEvents), typeof(RegulationEvents), typeof(UnitEvents) }.Select(type =>
        {
            var constants = type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToList();
            var resource = (string)constants.Single(f => f.Name == "Resource").GetRawConstantValue()!;
            return (resource, (IReadOnlyList<string>)[.. constants.Where(f => f.Name != "Resource").Select(f => (string)f.GetRawConstantValue()!)]);
        });
}

/// <summary>What happens to an obstacle: its history's actions and its change-feed types.</summary>
public static class ObstacleEvents
{
    public const string Resource = "obstacle";
    public const string Submitted = "submitted";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string MarkedDuplicate = "marked_duplicate";
    public const string Withdrawn = "withdrawn";
    public const string Corrected = "corrected";
    public const string InformationRequested = "information_requested";
    public const string InformationProvided = "information_provided";
    public const string Commented = "commented";
    public const string AttachmentAdded = "attachment_added";
    public const string MasterChanged = "master_changed";
    public const string LinkedToAmendment = "linked_to_amendment";
    public const string ReleasedFromAmendment = "released_from_amendment";
    public const string Resolved = "resolved";
    public const string ResolvedWithMaster = "resolved_with_master";

    public static string Type(string action) => $"{Resource}.{action}";
}

/// <summary>What happens to an amendment, the notices about it included.</summary>
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

    public static string Type(string action) => $"{Resource}.{action}";
}

/// <summary>What happens to a regulation.</summary>
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

/// <summary>What happens to a unit.</summary>
public static class UnitEvents
{
    public const string Resource = "unit";
    public const string Registered = "registered";

    public static string Type(string action) => $"{Resource}.{action}";
}
