using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Weerbaar.Core.Language;

namespace Weerbaar.Core.Sessions;

/// <summary>
/// The follow-up moment of a session as a calendar file: one all-day event on which the group looks back at its
/// agreements. It names nobody (no organizer, no attendees), so anyone with the link can put it in their own agenda.
/// </summary>
public static class SessionCalendar
{
    /// <summary>The content type of an .ics file.</summary>
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>
    /// The day to look back: the follow-up reminder's day when the facilitator chose one, else the earliest agreement's
    /// due date; none without agreements.
    /// </summary>
    public static DateOnly? FollowUpDate(SessionState state, DateOnly? reminderDay)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Agreements.Count == 0 ? null : reminderDay ?? state.Agreements.Min(a => a.Due);
    }

    /// <param name="stamp">When the file is made (DTSTAMP).</param>
    public static string Build(SessionState state, DateOnly day, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(state);
        var description = string.Join('\n', state.Agreements.Select(a => $"{OneLine(a.What)} – {OneLine(a.OwnerRole)} – uiterlijk {DutchDates.Format(a.Due)}"));
        var calendar = new Calendar { ProductId = "-//Weerbaar//Gesprekstool//NL" };
        calendar.Events.Add(new CalendarEvent
        {
            // Stable: the same session gives the same event, so downloading it again updates the entry instead of
            // adding a second one.
            Uid = $"{state.Id:N}-terugblik@weerbaar",
            Summary = $"Terugblik afspraken gesprekstool: {OneLine(state.Settings.OrganisationName)}",
            Description = $"Afspraken:\n{description}",
            DtStart = new CalDateTime(day.Year, day.Month, day.Day),
            DtEnd = new CalDateTime(day.AddDays(1).Year, day.AddDays(1).Month, day.AddDays(1).Day),
            DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
            Transparency = TransparencyType.Transparent,
        });
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
