namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// The Government Office's four statuses of assigned work, as one SQL select list over the days <c>done_on</c> and
/// <c>due_on</c> (a subquery names them so), judged at <c>@AsOf</c>: done by the due day, done after it, not done and not due yet (due today is still within),
/// not done and late. Work done after the as-of day counts as not done then. Amendments and answers count alike.
/// </summary>
public static class DeadlineStatusSql
{
    public const string Columns = """
        SUM(CASE WHEN done_on <= @AsOf AND done_on <= due_on THEN 1 ELSE 0 END) AS DoneOnTime,
        SUM(CASE WHEN done_on <= @AsOf AND done_on > due_on THEN 1 ELSE 0 END) AS DoneLate,
        SUM(CASE WHEN (done_on IS NULL OR done_on > @AsOf) AND due_on >= @AsOf THEN 1 ELSE 0 END) AS OpenWithinDeadline,
        SUM(CASE WHEN (done_on IS NULL OR done_on > @AsOf) AND due_on < @AsOf THEN 1 ELSE 0 END) AS Overdue
        """;
}

/// <summary>A row of <see cref="DeadlineStatusSql.Columns"/>, grouped by a unit.</summary>
public sealed class DeadlineStatusRow
{
    public Guid UnitId { get; set; }

    public int DoneOnTime { get; set; }

    public int DoneLate { get; set; }

    public int OpenWithinDeadline { get; set; }

    public int Overdue { get; set; }
}
