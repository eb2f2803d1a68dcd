namespace ObstacleRegister.Webhooks.Contracts;

/// <summary>The change types an endpoint may subscribe to, as the change log records them (<c>resource.action</c>).</summary>
public static class WebhookEventTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        "obstacle.submitted", "obstacle.accepted", "obstacle.rejected", "obstacle.marked_duplicate", "obstacle.withdrawn",
        "obstacle.master_changed", "obstacle.linked_to_amendment", "obstacle.released_from_amendment", "obstacle.resolved",
        "obstacle.resolved_with_master",
        "amendment.opened", "amendment.obstacles_linked", "amendment.progress_reported", "amendment.deadline_moved",
        "amendment.issued", "amendment.entered_into_force", "amendment.cancelled",
        "amendment.due_soon", "amendment.overdue", "amendment.stale", "amendment.escalated",
        "regulation.registered", "regulation.updated", "regulation.status_changed", "regulation.review_needed", "regulation.reviewed",
        "unit.registered",
    ];
}
