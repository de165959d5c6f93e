using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Cards;
using Weerbaar.Bot.Conversation;
using Weerbaar.Core.Search;
using Weerbaar.Core.Sessions;
using static Weerbaar.Bot.Conversation.CardData;

namespace Weerbaar.Bot.Sessions;

/// <summary>
/// "Sessie instellen": the setup card's settings as a dialog of four short steps (organisation → steps and length →
/// anonymous or not → confirm). The server keeps nothing between steps: every button carries the setup card's token,
/// the step it was pressed on and all answers so far, and the current step's inputs overwrite theirs. Confirming
/// starts the session exactly as the setup card's own start button does (<see cref="SessionSetup.StartSessionAsync"/>).
/// </summary>
public sealed class SetupDialog(SessionSetup setup, SessionStore store, CardTemplates templates, KnowledgeSearch search, ILogger<SetupDialog> logger) : IDialogHandler
{
    private const string Title = "Sessie instellen";
    private const int MaxTokenLength = 64;

    // Longer than any answer the dialog's inputs allow, so what was typed comes back whole with its reason, but a
    // forged request cannot make the next card outgrow Teams' limit.
    private const int MaxCarriedLength = 1000;

    private Scenario? Scenario => search.Knowledge.Set.Scenario;

    public bool CanHandle(string dialog) => dialog == SessionDialog.Setup;

    public async Task<DialogResult> FetchAsync(ITurnContext turnContext, string dialog, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (Scenario is not Scenario scenario)
        {
            return DialogResult.Say(SessionTexts.NoScenario);
        }

        if (await RefusalAsync(turnContext, data, cancellationToken) is string refusal)
        {
            return DialogResult.Say(refusal);
        }

        return Show(SetupStep.Organisation, SetupAnswers.Defaults(scenario), Text(data, "token")!, scenario, SetupErrors.None);
    }

    public async Task<DialogResult> SubmitAsync(ITurnContext turnContext, string dialog, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(data);
        if (Scenario is not Scenario scenario)
        {
            return DialogResult.Say(SessionTexts.NoScenario);
        }

        if (await RefusalAsync(turnContext, data, cancellationToken) is string refusal)
        {
            return DialogResult.Say(refusal);
        }

        var token = Text(data, "token")!;
        var answers = SetupAnswers.From(data);
        // By name only: Enum.TryParse would take "3" for the last step too.
        if (Text(data, "step") is not string marker || !Enum.GetNames<SetupStep>().Contains(marker, StringComparer.Ordinal)
            || !Enum.TryParse<SetupStep>(marker, out var step))
        {
            Log.SetupDialogRefused(logger, "unknown step");
            return Show(SetupStep.Organisation, answers, token, scenario, SetupErrors.None);
        }

        switch (Text(data, "move"))
        {
            case "back":
                return Show(step == SetupStep.Organisation ? step : step - 1, answers, token, scenario, SetupErrors.None);
            case "next" when step != SetupStep.Confirm:
                var errors = answers.Check(step, scenario);
                return Show(errors.IsEmpty ? step + 1 : step, answers, token, scenario, errors);
            case "start" when step == SetupStep.Confirm:
                return await StartAsync(turnContext, answers, token, scenario, cancellationToken);
            default:
                Log.SetupDialogRefused(logger, "unknown move");
                return Show(SetupStep.Organisation, answers, token, scenario, SetupErrors.None);
        }
    }

    private async Task<DialogResult> StartAsync(ITurnContext turnContext, SetupAnswers answers, string token, Scenario scenario, CancellationToken cancellationToken)
    {
        // Each step was checked on its way here; a failing one now was changed on the way, so it is shown again.
        foreach (var step in (SetupStep[])[SetupStep.Organisation, SetupStep.Steps, SetupStep.Anonymous])
        {
            if (answers.Check(step, scenario) is { IsEmpty: false } errors)
            {
                Log.SetupDialogRefused(logger, "answers changed after their step");
                return Show(step, answers, token, scenario, errors);
            }
        }

        var start = await setup.StartSessionAsync(turnContext, answers.ToStartData(token), scenario, cancellationToken);
        return start.Session is null
            ? DialogResult.Say(SessionTexts.SetupDialogRefused(start.Refusal))
            : DialogResult.Say(SessionTexts.SetupDialogStarted);
    }

    /// <summary>Why the dialog cannot go on at all (a Dutch line that closes it), or null.</summary>
    private async Task<string?> RefusalAsync(ITurnContext turnContext, JObject? data, CancellationToken cancellationToken)
    {
        if (Text(data, "token") is not { Length: > 0 and <= MaxTokenLength } token)
        {
            Log.SetupDialogRefused(logger, "no setup token");
            return SessionTexts.SetupDialogStale;
        }

        var activity = turnContext.Activity;
        if (await store.FindOpenAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken) is not null)
        {
            return SessionTexts.SetupDialogAlreadyRunning;
        }

        return await setup.IsUsedAsync(token, cancellationToken) ? SessionTexts.SetupUsed : null;
    }

    private DialogResult Show(SetupStep step, SetupAnswers answers, string token, Scenario scenario, SetupErrors errors)
    {
        JsonObject Button(string move)
        {
            var data = answers.ToCarried();
            data["dialog"] = SessionDialog.Setup;
            data["token"] = token;
            data["step"] = step.ToString();
            data["move"] = move;
            return data;
        }

        var number = (int)step + 1;
        var stepCount = Enum.GetValues<SetupStep>().Length;
        var plan = step is SetupStep.Steps or SetupStep.Confirm ? answers.Plan(scenario) : null;
        var data = new JsonObject
        {
            ["fallback"] = $"Sessie instellen: stap {number} van {stepCount}.",
            ["stepLabel"] = $"Sessie instellen, stap {number} van {stepCount}",
            ["showOrganisation"] = step == SetupStep.Organisation,
            ["showSteps"] = step == SetupStep.Steps,
            ["showAnonymous"] = step == SetupStep.Anonymous,
            ["showConfirm"] = step == SetupStep.Confirm,
            ["hasBack"] = step != SetupStep.Organisation,
            ["organisation"] = answers.Organisation,
            ["organisationError"] = errors.Organisation,
            ["kind"] = answers.Kind,
            ["kindError"] = errors.Kind,
            ["stepChoices"] = new JsonArray([.. scenario.Steps.Select(s => (JsonNode)new JsonObject { ["id"] = s.Id, ["title"] = $"{s.Title} ({s.Minutes} min)" })]),
            ["chosenSteps"] = answers.Steps,
            ["stepsError"] = errors.Steps,
            ["minutes"] = answers.Minutes,
            ["minutesError"] = errors.Minutes,
            ["anonymous"] = answers.Anonymous,
            ["anonymousError"] = errors.Anonymous,
            ["summary"] = step == SetupStep.Confirm ? answers.Summary() : new JsonArray(),
            ["hasPlan"] = plan is not null,
            ["planHeading"] = SessionTexts.SetupPlanHeading,
            ["plan"] = plan?.Steps ?? new JsonArray(),
            ["planNote"] = plan is null ? string.Empty
                : plan.Note + (step == SetupStep.Steps ? " " + SessionTexts.SetupPlanChanged : string.Empty),
            ["next"] = Button("next"),
            ["back"] = Button("back"),
            ["start"] = Button("start"),
        };
        return DialogResult.Show(Title, CardAttachment.From(templates.Render(CardName.DialogSetup, data)));
    }

    /// <summary>The dialog's steps, in order; the name travels in the buttons' data as the step marker.</summary>
    private enum SetupStep
    {
        Organisation,
        Steps,
        Anonymous,
        Confirm,
    }

    /// <summary>The reason per field, empty where the field is fine.</summary>
    private sealed record SetupErrors(string Organisation = "", string Kind = "", string Steps = "", string Minutes = "", string Anonymous = "")
    {
        public static SetupErrors None { get; } = new();

        public bool IsEmpty => this == None;
    }

    /// <summary>The answers as sent (what was typed is kept, also when it is wrong), under the setup card's field names.</summary>
    private sealed record SetupAnswers(string Organisation, string Kind, string Steps, string Minutes, string Anonymous)
    {
        private static readonly string[] Fields = ["organisation", "kind", "steps", "minutes", "anonymous"];

        // The values of the setup card's and the dialog's kind choices.
        private static readonly string[] Kinds = ["gemeente", "bedrijf", "maatschappelijk"];

        public static SetupAnswers Defaults(Scenario scenario) =>
            new(string.Empty, Kinds[0], string.Join(',', scenario.Steps.Select(s => s.Id)), "90", "false");

        public static SetupAnswers From(JObject data)
        {
            string Field(string name) => Text(data, name) is string value ? value[..Math.Min(value.Length, MaxCarriedLength)] : string.Empty;
            return new(Field("organisation"), Field("kind"), Field("steps"), Field("minutes"), Field("anonymous"));
        }

        public JsonObject ToCarried() => new()
        {
            ["organisation"] = Organisation,
            ["kind"] = Kind,
            ["steps"] = Steps,
            ["minutes"] = Minutes,
            ["anonymous"] = Anonymous,
        };

        public JObject ToStartData(string token)
        {
            var data = new JObject { ["token"] = token };
            foreach (var (name, value) in Fields.Zip([Organisation, Kind, Steps, Minutes, Anonymous]))
            {
                data[name] = value;
            }

            return data;
        }

        public SetupErrors Check(SetupStep step, Scenario scenario) => step switch
        {
            SetupStep.Organisation => new SetupErrors(
                Organisation: Organisation.Trim() switch
                {
                    { Length: 0 } => SessionTexts.SetupOrganisationMissing,
                    { Length: > SessionEngine.MaxOrganisationNameLength } name => SessionTexts.SetupOrganisationTooLong(name.Length),
                    _ => string.Empty,
                },
                Kind: Kinds.Contains(Kind, StringComparer.Ordinal) ? string.Empty : SessionTexts.SetupKindUnknown),
            SetupStep.Steps => new SetupErrors(
                Steps: StepIds() switch
                {
                    { Count: 0 } => SessionTexts.SetupStepsMissing,
                    var ids when ids.Any(id => scenario.Step(id) is null) => SessionTexts.SetupStepsUnknown,
                    _ => string.Empty,
                },
                Minutes: TotalMinutes() is null ? SessionTexts.SetupMinutesUnknown : string.Empty),
            SetupStep.Anonymous => new SetupErrors(Anonymous: Anonymous is "true" or "false" ? string.Empty : SessionTexts.SetupAnonymousUnknown),
            _ => SetupErrors.None,
        };

        /// <summary>The time per step of the chosen steps and length, as the session will run them; null while they cannot start one.</summary>
        public SetupPlan? Plan(Scenario scenario)
        {
            var ids = StepIds();
            if (TotalMinutes() is not int minutes || ids.Count == 0 || ids.Any(id => scenario.Step(id) is null)
                || !scenario.Steps.Any(s => s.Part == ScenarioPart.Afspraken))
            {
                return null;
            }

            // The engine's own start and durations, so the plan is what the session does; the name and the time do
            // not change the durations.
            var ordered = scenario.Steps.Select(s => s.Id).Where(ids.Contains).ToList();
            var settings = new SessionSettings("plan", OrganisationKind.Gemeente, ordered, minutes, Anonymous: false);
            if (SessionEngine.SettingsError(settings, scenario) is not null)
            {
                return null;
            }

            var state = SessionEngine.Start(Guid.Empty, settings, "plan", scenario, DateTimeOffset.UnixEpoch);
            var planned = state.Settings.StepIds;
            var steps = new JsonArray([.. planned.Select((id, i) => (JsonNode)new JsonObject
            {
                ["title"] = scenario.Step(id)!.Title,
                ["value"] = $"{(int)SessionEngine.Duration(state, scenario, i).TotalMinutes} min",
            })]);
            var added = planned.Count > ordered.Count ? scenario.Step(planned[^1])!.Title : null;
            return new SetupPlan(steps, SessionTexts.SetupPlanNote(minutes, added));
        }

        public JsonArray Summary()
        {
            var kind = Enum.TryParse<OrganisationKind>(Kind, ignoreCase: true, out var parsed) ? parsed : OrganisationKind.Gemeente;
            JsonNode Fact(string title, string value) => new JsonObject { ["title"] = title, ["value"] = value };
            return new JsonArray(
                Fact("Organisatie", CardText.Literal(Organisation.Trim())),
                Fact("Soort", SessionTexts.KindName(kind)),
                Fact("Lengte", $"{Minutes} minuten"),
                Fact("Anoniem", Anonymous == "true" ? "Ja" : "Nee"));
        }

        private List<string> StepIds() => [.. Steps.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

        private int? TotalMinutes() =>
            int.TryParse(Minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && SessionEngine.AllowedTotalMinutes.Contains(minutes)
                ? minutes
                : null;
    }

    /// <summary>The time per step (title and minutes) and the line under it.</summary>
    private sealed record SetupPlan(JsonArray Steps, string Note);
}
