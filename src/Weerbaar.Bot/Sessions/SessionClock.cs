namespace Weerbaar.Bot.Sessions;

/// <summary>Times shown to people are Dutch local time (Europe/Amsterdam); the server runs in UTC.</summary>
public static class SessionClock
{
    private static readonly TimeZoneInfo Amsterdam = FindAmsterdam();

    public static string TimeOfDay(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Amsterdam).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Amsterdam).DateTime);

    private static TimeZoneInfo FindAmsterdam()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            // Without time zone data (a minimal container) Dutch time is approximated by UTC+1.
            return TimeZoneInfo.CreateCustomTimeZone("Europe/Amsterdam", TimeSpan.FromHours(1), "Europe/Amsterdam", "Europe/Amsterdam");
        }
    }
}
