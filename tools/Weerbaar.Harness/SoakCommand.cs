using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Weerbaar.Harness.Load;
using Weerbaar.Testing;

namespace Weerbaar.Harness;

/// <summary>
/// <c>soak [--minutes 30] [--conversations 50] [--postgres CONN]</c>: mixed traffic against one bot instance for a
/// long time — most chats ask questions and press 👍, every tenth runs gesprekstool sessions in a group chat
/// (start, contributions, next step, stop, again), every tenth is an admin saving article drafts — with the connector
/// stand-in answering at once. Prints throughput, p50/p95/p99 and errors per third of the run and the bot's resident
/// memory at start, middle and end: a flat memory line means nothing accumulates per turn. Not part of the tests.
/// </summary>
internal static class SoakCommand
{
    public const string Name = "soak";

    private const string AdminObjectId = "5d0c3b1a-7e6f-4a2b-9c8d-1e2f3a4b5c6d";
    private const string EditedArticle = "noodpakket";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var minutes = Number(args, "--minutes", 30);
        var conversations = Number(args, "--conversations", 50);
        if (minutes <= 0 || conversations <= 0)
        {
            await error.WriteLineAsync("soak: --minutes and --conversations take a whole number of at least 1.");
            return HarnessCommandLine.UsageError;
        }

        var postgres = Value(args, "--postgres") ?? Environment.GetEnvironmentVariable("WEERBAAR_TEST_POSTGRES");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await using var standIn = await ConnectorStandIn.StartAsync();
        var connector = new ConversationInboxes(standIn);
        await using var database = string.IsNullOrWhiteSpace(postgres) ? TestDatabase.CreateSqlite() : await TestDatabase.CreatePostgresAsync(postgres, cancellationToken);
        var settings = LocalBotSettings.For(database);
        settings["Admin:UserAadObjectIds:0"] = AdminObjectId;
        // The soak measures the bot under sustained use, not the protection against one runaway user.
        settings["Bot:TurnsPerUserPerMinute"] = "10000";
        settings["Bot:TurnsPerConversationPerMinute"] = "100000";
        await using var bot = await BotProcess.StartAsync(settings, workingDirectory: database.Folder);
        var questions = BenchCommand.ReadQuestions("tests/Weerbaar.Tests/Knowledge/evaluation-questions.yaml", null);
        if (questions.Count == 0)
        {
            questions = ["Wat moet er in een noodpakket?", "Wat is NL-Alert?", "Wat doet de veiligheidsregio?"];
        }

        var run = new SoakRun(connector, http, bot.MessagesUrl, questions);
        var chats = Enumerable.Range(0, conversations).Select(i => new LoadChat(i, connector.ServiceUrl, group: i % 10 == 0, aadObjectId: i % 10 == 1 ? AdminObjectId : null)).ToList();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"soak: {minutes} min, {conversations} conversations ({chats.Count(c => c.Index % 10 == 0)} running sessions, {chats.Count(c => c.Index % 10 == 1)} admins editing, the rest asking), {database.Provider}, {Environment.ProcessorCount} cores"));

        var clock = Stopwatch.StartNew();
        var duration = TimeSpan.FromMinutes(minutes);
        var memory = new List<(TimeSpan At, long? Bytes)> { (clock.Elapsed, bot.ResidentBytes()) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var sampler = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(duration / 2, stop.Token);
                memory.Add((clock.Elapsed, bot.ResidentBytes()));
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);
        var samples = (await Task.WhenAll(chats.Select(chat => run.ChatAsync(chat, clock, stop.Token)))).SelectMany(s => s).ToList();
        await sampler;
        memory.Add((clock.Elapsed, bot.ResidentBytes()));

        await output.WriteLineAsync(Describe("whole run", samples, clock.Elapsed));
        for (var third = 0; third < 3; third++)
        {
            var from = duration * third / 3;
            var to = duration * (third + 1) / 3;
            await output.WriteLineAsync(Describe($"third {third + 1}", [.. samples.Where(s => s.At >= from && s.At < to)], to - from));
        }

        await output.WriteLineAsync("memory (resident): " + string.Join(", ", memory.Select(m => string.Create(CultureInfo.InvariantCulture,
            $"{m.At.TotalMinutes:0.0} min {(m.Bytes is long b ? $"{b / (1024 * 1024)} MB" : "n/a")}"))));
        foreach (var reason in samples.Where(s => s.Error is not null).GroupBy(s => s.Error).Select(g => $"  {g.Count()} x {g.Key}"))
        {
            await error.WriteLineAsync(reason);
        }

        return samples.Any(s => s.Error is not null) ? HarnessCommandLine.Failure : HarnessCommandLine.Success;
    }

    private static string Describe(string label, List<SoakSample> samples, TimeSpan elapsed)
    {
        var sorted = samples.Select(s => s.Milliseconds).Order().ToList();
        double P(double p) => sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"{label,-10} {samples.Count} turns ({samples.Count(s => s.Kind == "session")} session, {samples.Count(s => s.Kind == "admin")} admin), {samples.Count / Math.Max(elapsed.TotalSeconds, 1):0.0} turns/s, p50 {P(0.50):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms, errors {samples.Count(s => s.Error is not null)}");
    }

    private static int Number(string[] args, string name, int fallback) =>
        Value(args, name) is string text ? (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1) : fallback;

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed record SoakSample(TimeSpan At, string Kind, double Milliseconds, string? Error);

    /// <summary>One chat's loop: its role follows from its index (sessions, admin edits or questions).</summary>
    private sealed class SoakRun(ConversationInboxes connector, HttpClient http, Uri messagesUrl, IReadOnlyList<string> questions)
    {
        public async Task<List<SoakSample>> ChatAsync(LoadChat chat, Stopwatch clock, CancellationToken stop)
        {
            var samples = new List<SoakSample>();
            await PostAsync(chat.BotAdded(), CancellationToken.None);
            for (var turn = 0; !stop.IsCancellationRequested; turn++)
            {
                var at = clock.Elapsed;
                var watch = Stopwatch.StartNew();
                var kind = (chat.Index % 10) switch { 0 => "session", 1 => "admin", _ => "question" };
                var error = kind switch
                {
                    "session" => await SessionTurnAsync(chat, turn),
                    "admin" => await AdminTurnAsync(chat, turn),
                    _ => await QuestionTurnAsync(chat, turn),
                };
                samples.Add(new SoakSample(at, kind, watch.Elapsed.TotalMilliseconds, error));
            }

            return samples;
        }

        private async Task<string?> QuestionTurnAsync(LoadChat chat, int turn)
        {
            var inbox = connector.Inbox(chat.Id);
            var helpful = turn % 4 == 3 ? inbox.TakeHelpfulData() : null;
            var (error, _) = await PostAsync(helpful is not null ? chat.CardAction("helpful", helpful) : chat.Message(questions[(chat.Index * 31 + turn) % questions.Count]), CancellationToken.None);
            return error;
        }

        // A session of 24 turns: start, contributions with a step forward every fifth turn, then stop, confirmed, and again.
        private async Task<string?> SessionTurnAsync(LoadChat chat, int turn)
        {
            var phase = turn % 24;
            if (phase == 0)
            {
                var (error, _) = await PostAsync(chat.Message("start sessie"), CancellationToken.None);
                return error;
            }

            if (phase == 1 && connector.Inbox(chat.Id).LastCard is JsonObject setup && Action(setup, "sessionStart") is JsonObject start)
            {
                foreach (var (id, value) in Inputs(setup))
                {
                    start[id] = value;
                }

                start["organisation"] = "Gemeente Soak";
                start["anonymous"] = "false";
                return (await PostAsync(chat.CardAction("sessionStart", start), CancellationToken.None)).Error;
            }

            // "stop" only asks; the confirmation card's "Ja, beëindigen" ends (with a report, as there are contributions).
            if (phase == 23 && connector.Inbox(chat.Id).LastCard is JsonObject question && Action(question, "sessionEnd") is JsonObject end)
            {
                return (await PostAsync(chat.CardAction("sessionEnd", end), CancellationToken.None)).Error;
            }

            var text = phase == 22 ? "stop" : phase % 5 == 0 ? "volgende" : $"bijdrage: Soakbijdrage {turn} over noodstroom en drinkwater";
            return (await PostAsync(chat.Message(text), CancellationToken.None)).Error;
        }

        // An admin opens the article form and saves it as a draft with a new change summary; a conflict is a fine answer.
        private async Task<string?> AdminTurnAsync(LoadChat chat, int turn)
        {
            var (error, body) = await PostAsync(chat.CardAction("adminEdit", new JsonObject { ["verb"] = "adminEdit", ["kind"] = "Article", ["item"] = EditedArticle }), CancellationToken.None);
            if (error is not null || body?["value"] is not JsonObject form || Action(form, "adminSave") is not JsonObject save)
            {
                return error ?? (turn == 0 ? null : "no article form");
            }

            foreach (var (id, value) in Inputs(form))
            {
                save[id] = value;
            }

            save["changeSummary"] = $"soak {turn}";
            return (await PostAsync(chat.CardAction("adminSave", save), CancellationToken.None)).Error;
        }

        private async Task<(string? Error, JsonObject? Body)> PostAsync(JsonObject activity, CancellationToken cancellationToken)
        {
            try
            {
                using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(messagesUrl, content, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                var body = text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text) as JsonObject : null;
                return (response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}", body);
            }
            catch (HttpRequestException exception)
            {
                return ($"request failed ({exception.HttpRequestError})", null);
            }
            catch (TaskCanceledException)
            {
                return ($"no answer within {http.Timeout.TotalSeconds} s", null);
            }
        }

        private static JsonObject? Action(JsonNode card, string verb) => Descendants(card)
            .FirstOrDefault(o => o["type"]?.ToString() == "Action.Execute" && o["verb"]?.ToString() == verb)?["data"]?.DeepClone() as JsonObject;

        private static IEnumerable<(string Id, JsonNode? Value)> Inputs(JsonNode card) => Descendants(card)
            .Where(o => o["type"]?.ToString().StartsWith("Input.", StringComparison.Ordinal) == true && o["id"] is not null)
            .Select(o => (o["id"]!.ToString(), (JsonNode?)(o["value"]?.DeepClone() ?? JsonValue.Create(string.Empty))));

        private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
        {
            JsonObject obj => new[] { obj }.Concat(obj.SelectMany(p => Descendants(p.Value))),
            JsonArray array => array.SelectMany(Descendants),
            _ => [],
        };
    }
}
