namespace ObstacleRegister.BuildingBlocks.Time;

/// <summary>Bound from <c>Register</c>: settings of the register as a whole.</summary>
public sealed class RegisterOptions
{
    /// <summary>The IANA zone deadlines are judged in; a date is late when it has passed there.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>The API's language when a request names none it speaks (<c>Accept-Language</c>): <c>en</c> or <c>vi</c>.</summary>
    public string DefaultLanguage { get; set; } = "en";
}

/// <summary>Today's date and the zone of the register, from the injected <see cref="TimeProvider"/>.</summary>
public sealed class RegisterCalendar(TimeProvider clock, Microsoft.Extensions.Options.IOptions<RegisterOptions> options)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public TimeZoneInfo Zone => zone;

    /// <summary>Now, on the register's wall clock.</summary>
    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);

    /// <summary>The register's date of an instant.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The instant a day begins in the register's zone, in UTC, for comparing stored instants with a date.</summary>
    public DateTimeOffset StartOfDay(DateOnly day) => StartOfDay(day, zone);

    /// <summary>The Monday that begins the ISO week holding <paramref name="day"/>.</summary>
    public static DateOnly WeekStarting(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static DateOnly MonthStarting(DateOnly day) => new(day.Year, day.Month, 1);

    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
