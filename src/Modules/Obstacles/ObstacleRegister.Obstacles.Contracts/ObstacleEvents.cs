namespace ObstacleRegister.Obstacles.Contracts;

/// <summary>
/// What happens to an obstacle: its history's actions and its change-feed types; the register's event catalogue lists these
/// with the other modules' names.
/// </summary>
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

    /// <summary>The coordinators' answer is due within <c>Obstacles:AnswerRemindDays</c>.</summary>
    public const string AnswerDue = "answer_due";

    /// <summary>The coordinators' answer is late: escalated to their leadership.</summary>
    public const string AnswerOverdue = "answer_overdue";

    /// <summary>The reporting unit was reminded of a question it has not answered.</summary>
    public const string InformationReminded = "information_reminded";

    /// <summary>A question went unanswered for <c>Obstacles:InformationLapseDays</c>: the report may be decided as it stands.</summary>
    public const string InformationLapsed = "information_lapsed";

    /// <summary>Its reporting unit confirmed a resolved obstacle is gone in practice.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>Its reporting unit said a resolved obstacle is not gone: reported again as a new one.</summary>
    public const string Reopened = "reopened";

    public static string Type(string action) => $"{Resource}.{action}";
}
