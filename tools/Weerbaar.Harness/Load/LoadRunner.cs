using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Weerbaar.Harness.Load;

/// <summary>The sizes of one scenario's load.</summary>
/// <param name="CardEvery">Every this many turns a conversation presses 👍 on the last answer card, when it has one.</param>
internal sealed record LoadSize(int Conversations, int Turns, int WarmupTurns, int CardEvery = 4);

/// <summary>One measured turn: a typed question or a card action, how long the HTTP call took, and what went wrong.</summary>
internal sealed record TurnSample(bool IsCardAction, double Milliseconds, string? Error);

/// <summary>
/// Drives concurrent personal chats against the bot instances over real HTTP: each chat is a user who waits for the
/// answer before the next turn. Turns go round-robin over the instances, as a load balancer without affinity
/// sends them. Warm-up turns (JIT, caches, connection pools) run first and are not measured.
/// </summary>
internal sealed class LoadRunner(ConversationInboxes connector, HttpClient http, IReadOnlyList<string> questions)
{
    public async Task<(IReadOnlyList<TurnSample> Samples, TimeSpan Elapsed)> RunAsync(IReadOnlyList<Uri> instances, LoadSize size, CancellationToken cancellationToken)
    {
        var chats = Enumerable.Range(0, size.Conversations).Select(i => new LoadChat(i, connector.ServiceUrl)).ToList();
        await Task.WhenAll(chats.Select(chat => WarmUpAsync(chat, instances, size, cancellationToken)));

        var watch = Stopwatch.StartNew();
        var perChat = await Task.WhenAll(chats.Select(chat => MeasureAsync(chat, instances, size, cancellationToken)));
        watch.Stop();
        return ([.. perChat.SelectMany(samples => samples)], watch.Elapsed);
    }

    private async Task WarmUpAsync(LoadChat chat, IReadOnlyList<Uri> instances, LoadSize size, CancellationToken cancellationToken)
    {
        await PostAsync(instances[chat.Index % instances.Count], chat.BotAdded(), cancellationToken);
        for (var turn = 0; turn < size.WarmupTurns; turn++)
        {
            await TurnAsync(chat, turn, instances, size, cancellationToken);
        }
    }

    private async Task<List<TurnSample>> MeasureAsync(LoadChat chat, IReadOnlyList<Uri> instances, LoadSize size, CancellationToken cancellationToken)
    {
        var samples = new List<TurnSample>(size.Turns);
        for (var turn = size.WarmupTurns; turn < size.WarmupTurns + size.Turns; turn++)
        {
            samples.Add(await TurnAsync(chat, turn, instances, size, cancellationToken));
        }

        return samples;
    }

    private async Task<TurnSample> TurnAsync(LoadChat chat, int turn, IReadOnlyList<Uri> instances, LoadSize size, CancellationToken cancellationToken)
    {
        var inbox = connector.Inbox(chat.Id);
        var helpful = turn % size.CardEvery == size.CardEvery - 1 ? inbox.TakeHelpfulData() : null;
        var question = questions[(chat.Index * 31 + turn) % questions.Count];
        var activity = helpful is not null ? chat.CardAction("helpful", helpful) : chat.Message(question);
        var before = inbox.Received;

        var watch = Stopwatch.StartNew();
        var error = await PostAsync(instances[(chat.Index + turn) % instances.Count], activity, cancellationToken);
        watch.Stop();

        // CloudAdapter answers a message only after the turn, so its reply must have reached the connector by now.
        // A card action's answer (the updated card) is the HTTP response itself.
        if (error is null && helpful is null)
        {
            error = inbox.Received == before ? "no reply at the connector"
                : inbox.LastReply?.Answers(question) == true ? null
                : "a text instead of an answer";
        }

        return new TurnSample(helpful is not null, watch.Elapsed.TotalMilliseconds, error);
    }

    private async Task<string?> PostAsync(Uri messagesUrl, JsonObject activity, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(messagesUrl, content, cancellationToken);
            _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.StatusCode}";
        }
        catch (HttpRequestException exception)
        {
            return $"request failed ({exception.HttpRequestError})";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {http.Timeout.TotalSeconds} s";
        }
    }
}
