namespace ObstacleRegister.Obstacles;

/// <summary>
/// Bound from <c>Obstacles</c>: how long the coordinators have to answer a report, and the reporting unit a question,
/// counted in days of the register's time zone, and when each is reminded.
/// </summary>
public sealed class ObstacleClockOptions
{
    /// <summary>Days from a report's submission (or the reporting unit's answer to a question) to the day its answer is due.</summary>
    public int AnswerWithinDays { get; set; } = 15;

    /// <summary>Days before the answer is due that the coordinators are reminded of it.</summary>
    public int AnswerRemindDays { get; set; } = 3;

    /// <summary>Days a question may wait for the reporting unit before it is reminded.</summary>
    public int InformationRemindDays { get; set; } = 7;

    /// <summary>Days after which an unanswered question lapses: the coordinators are told and may decide the report as it stands.</summary>
    public int InformationLapseDays { get; set; } = 30;

    /// <summary>Days after its resolution within which the reporting unit is asked to confirm it held in practice, or reopen it.</summary>
    public int ConfirmWithinDays { get; set; } = 30;

    /// <summary>How often the clocks are looked at; a notice is decided once, whatever the interval.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    internal bool IsValid =>
        AnswerWithinDays is > 0 and <= 366 && AnswerRemindDays >= 0 && AnswerRemindDays < AnswerWithinDays
        && InformationRemindDays > 0 && InformationLapseDays > InformationRemindDays && InformationLapseDays <= 366
        && ConfirmWithinDays is > 0 and <= 366 && CheckInterval > TimeSpan.Zero;

    internal const string Problem =
        "Obstacles: AnswerWithinDays must be between 1 and 366, AnswerRemindDays from 0 to less than it, InformationRemindDays above 0 "
        + "and below InformationLapseDays (at most 366), ConfirmWithinDays between 1 and 366, CheckInterval above zero.";
}
