using System.Globalization;

namespace Weerbaar.Core.Language;

/// <summary>A number with its noun in Dutch singular or plural: "1 bijdrage", "0 bijdragen", "2 bijdragen".</summary>
public static class DutchCounts
{
    /// <summary>The count followed by <paramref name="singular"/> for exactly one, <paramref name="plural"/> otherwise.</summary>
    public static string Of(int count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural)}");

    /// <summary>"1 bijdrage", "3 bijdragen".</summary>
    public static string Contributions(int count) => Of(count, "bijdrage", "bijdragen");

    /// <summary>"1 afspraak", "3 afspraken".</summary>
    public static string Agreements(int count) => Of(count, "afspraak", "afspraken");

    /// <summary>"1 deelnemer", "3 deelnemers".</summary>
    public static string Participants(int count) => Of(count, "deelnemer", "deelnemers");

    /// <summary>"1 stem", "7 stemmen".</summary>
    public static string Votes(int count) => Of(count, "stem", "stemmen");
}
