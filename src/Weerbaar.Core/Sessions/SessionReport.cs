using System.Net;
using System.Text;
using Weerbaar.Core.Language;

namespace Weerbaar.Core.Sessions;

/// <summary>
/// The report of a finished session, as Markdown and as HTML: per step the number of contributions, the ones that got
/// the most votes, the contributions by question (a merged one in brackets under the one it was merged into), then
/// the agreements. It never names anyone: contributions and votes carry no author in the report, in any session.
/// </summary>
public static class SessionReport
{
    /// <summary>How many of a step's most-voted contributions the report lists.</summary>
    public const int TopVoted = 10;

    private const string MarkdownSpecial = "\\`*_{}[]()<>#+!|~^$&@:=";

    // Inline only: the report's Content-Security-Policy allows inline styles and nothing else (no files, no fonts).
    // The system font at a readable size and a measure that fits a phone and does not sprawl on a desktop.
    private const string Style = "<style>body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif;"
        + "font-size:1.0625rem;line-height:1.5;color:#1b1b1b;background:#fff;max-width:40rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}"
        + "h1{font-size:1.5rem;line-height:1.25}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1.0625rem}"
        + "ul{padding-left:1.25rem}li{margin:.35rem 0}</style>";

    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    public static string Markdown(SessionState state, Scenario scenario, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(scenario);
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"# Verslag gesprekstool: {M(state.Settings.OrganisationName)}");
        text.AppendLine();
        text.AppendLine(Invariant, $"Datum: {DutchDates.Format(date)}. {DutchCounts.Contributions(state.Contributions.Count)}, {DutchCounts.Agreements(state.Agreements.Count)}.");
        text.AppendLine();
        if (EndedEarlyNote(state) is string note)
        {
            text.AppendLine(Invariant, $"**{note}**");
            text.AppendLine();
        }

        text.AppendLine(Invariant, $"_{scenario.Notice}_");
        if (SessionPreviousAgreements.Summary(state) is string previous)
        {
            text.AppendLine();
            text.AppendLine(Invariant, $"## {PreviousHeading}");
            text.AppendLine();
            text.AppendLine(previous);
            text.AppendLine();
            foreach (var agreement in state.PreviousAgreements)
            {
                text.AppendLine(Invariant, $"- {MarkdownLine(agreement)}: **{SessionPreviousAgreements.StatusOf(state, agreement)}**");
            }
        }
        foreach (var stepId in state.Settings.StepIds)
        {
            var step = scenario.Step(stepId);
            if (step is null)
            {
                continue;
            }

            var contributions = state.ContributionsOf(stepId);
            text.AppendLine();
            text.AppendLine(Invariant, $"## {step.Title}");
            text.AppendLine();
            text.AppendLine(Invariant, $"{DutchCounts.Contributions(contributions.Count)}.");
            if (state.VoteResults(stepId) is { Count: > 0 } results)
            {
                text.AppendLine();
                text.AppendLine("**Meeste stemmen**");
                text.AppendLine();
                foreach (var result in results.Take(TopVoted))
                {
                    text.AppendLine(Invariant, $"- {DutchCounts.Votes(result.Votes)}: {M(result.Contribution.Text)}");
                }
            }

            foreach (var question in step.Questions)
            {
                var answers = contributions.Where(c => c.QuestionId == question.Id).ToList();
                if (answers.Count == 0)
                {
                    continue;
                }

                text.AppendLine();
                text.AppendLine(Invariant, $"**{question.TextFor(state.Settings.Kind)}**");
                text.AppendLine();
                foreach (var answer in answers)
                {
                    text.AppendLine(Invariant, $"- {(answer.Tag is { } tag ? $"[{tag}] " : string.Empty)}{M(answer.Text)}");
                    foreach (var merged in state.MergedInto(answer.Id))
                    {
                        text.AppendLine(Invariant, $"  - {MergedLabel}: {M(merged.Text)}");
                    }
                }
            }
        }

        text.AppendLine();
        text.AppendLine("## Afspraken");
        text.AppendLine();
        foreach (var agreement in state.Agreements)
        {
            text.AppendLine(Invariant, $"- {MarkdownLine(agreement)}");
        }

        return text.ToString();
    }

    public static string Html(SessionState state, Scenario scenario, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(scenario);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>Verslag gesprekstool</title>").Append(Style).Append("</head><body>");
        html.Append(Invariant, $"<h1>Verslag gesprekstool: {E(state.Settings.OrganisationName)}</h1>");
        html.Append(Invariant, $"<p>Datum: {DutchDates.Format(date)}. {DutchCounts.Contributions(state.Contributions.Count)}, {DutchCounts.Agreements(state.Agreements.Count)}.</p>");
        if (EndedEarlyNote(state) is string note)
        {
            html.Append(Invariant, $"<p><strong>{E(note)}</strong></p>");
        }

        html.Append(Invariant, $"<p><em>{E(scenario.Notice)}</em></p>");
        if (SessionPreviousAgreements.Summary(state) is string previous)
        {
            html.Append(Invariant, $"<h2>{PreviousHeading}</h2><p>{E(previous)}</p><ul>");
            foreach (var agreement in state.PreviousAgreements)
            {
                html.Append(Invariant, $"<li>{HtmlLine(agreement)}: <strong>{SessionPreviousAgreements.StatusOf(state, agreement)}</strong></li>");
            }

            html.Append("</ul>");
        }
        foreach (var stepId in state.Settings.StepIds)
        {
            var step = scenario.Step(stepId);
            if (step is null)
            {
                continue;
            }

            var contributions = state.ContributionsOf(stepId);
            html.Append(Invariant, $"<h2>{E(step.Title)}</h2><p>{DutchCounts.Contributions(contributions.Count)}.</p>");
            if (state.VoteResults(stepId) is { Count: > 0 } results)
            {
                html.Append("<h3>Meeste stemmen</h3><ol>");
                foreach (var result in results.Take(TopVoted))
                {
                    html.Append(Invariant, $"<li><strong>{DutchCounts.Votes(result.Votes)}</strong>: {E(result.Contribution.Text)}</li>");
                }

                html.Append("</ol>");
            }

            foreach (var question in step.Questions)
            {
                var answers = contributions.Where(c => c.QuestionId == question.Id).ToList();
                if (answers.Count > 0)
                {
                    html.Append(Invariant, $"<h3>{E(question.TextFor(state.Settings.Kind))}</h3><ul>");
                    foreach (var answer in answers)
                    {
                        html.Append(Invariant, $"<li>{(answer.Tag is { } tag ? $"<strong>{tag}</strong>: " : string.Empty)}{E(answer.Text)}");
                        if (state.MergedInto(answer.Id) is { Count: > 0 } merged)
                        {
                            html.Append("<ul>");
                            foreach (var other in merged)
                            {
                                html.Append(Invariant, $"<li>{MergedLabel}: {E(other.Text)}</li>");
                            }

                            html.Append("</ul>");
                        }

                        html.Append("</li>");
                    }

                    html.Append("</ul>");
                }
            }
        }

        html.Append("<h2>Afspraken</h2><ul>");
        foreach (var agreement in state.Agreements)
        {
            html.Append(Invariant, $"<li>{HtmlLine(agreement)}</li>");
        }

        html.Append("</ul></body></html>");
        return html.ToString();
    }

    /// <summary>What stands before the text of a contribution the facilitator merged into the one above it.</summary>
    public const string MergedLabel = "Samengevoegd hiermee";

    /// <summary>The heading over the agreements brought along from the last session, in every report and card.</summary>
    public const string PreviousHeading = "Vorige keer afgesproken";

    private static string MarkdownLine(Agreement agreement) =>
        $"{M(agreement.What)} — {M(agreement.OwnerRole)} — uiterlijk {DutchDates.Format(agreement.Due)}";

    private static string HtmlLine(Agreement agreement) =>
        $"{E(agreement.What)} — {E(agreement.OwnerRole)} — uiterlijk {DutchDates.Format(agreement.Due)}";

    /// <summary>Why a report may stop halfway: the facilitator ended the session before its last step's agreements.</summary>
    public static string? EndedEarlyNote(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.EndedEarly
            ? $"De sessie is vroegtijdig beëindigd, bij stap {state.StepIndex + 1} van {state.Settings.StepIds.Count}."
            : null;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    // What people typed, for the Markdown report, on one line and shown as typed: a backslash before every character
    // that could start a link, image, tag, entity, code span, emphasis or table cell (CommonMark shows "\x" as "x"
    // for any ASCII punctuation), before the ":" and "www." that make a bare address a link, and before a list
    // marker at the start.
    private static string M(string text)
    {
        var line = OneLine(text);
        var escaped = new StringBuilder(line.Length + 16);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var special = MarkdownSpecial.Contains(c)
                || (c == '-' && i == 0)
                || (c == '.' && i > 0 && (line.AsSpan(0, i).IndexOfAnyExceptInRange('0', '9') < 0
                    || (i >= 3 && line.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase))));
            escaped.Append(special ? "\\" : string.Empty).Append(c);
        }

        return escaped.ToString();
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
