namespace ObstacleRegister.Obstacles;

/// <summary>Bound from <c>Obstacles</c>: how long the coordinators have to answer a report.</summary>
public sealed class ObstacleClockOptions
{
    /// <summary>Days, in the register's time zone, from a report's submission (or the reporting unit's answer to a question) to the day its answer is due.</summary>
    public int AnswerWithinDays { get; set; } = 15;

    internal bool IsValid => AnswerWithinDays is > 0 and <= 366;
}
