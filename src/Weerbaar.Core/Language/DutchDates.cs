namespace Weerbaar.Core.Language;

/// <summary>Dates as Dutch readers write them ("27 november 2026"), independent of the server's culture data.</summary>
public static class DutchDates
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    public static string Format(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";

    /// <summary>"maart 2026".</summary>
    public static string FormatMonth(DateOnly date) => $"{Months[date.Month - 1]} {date.Year}";
}
