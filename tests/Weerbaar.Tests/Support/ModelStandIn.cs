using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Weerbaar.Tests.Support;

/// <summary>
/// A stand-in for Azure OpenAI: the chat-completions wire format (<c>POST /openai/deployments/{name}/chat/completions</c>)
/// on a real HTTP port, so the real Azure.AI.OpenAI client talks to it. It records every request and answers with
/// scripted steps (a reply, an error status with Retry-After, a delay); without a script it cites passage 1.
/// </summary>
public sealed class ModelStandIn : IAsyncDisposable
{
    public const string Deployment = "weerbaar-test";
    public const string ApiKey = "test-key-not-secret";

    /// <summary>A Dutch answer that cites the first passage, as a well-behaved model would write it.</summary>
    public const string CitingReply = "Zorg voor water, eten en een radio op batterijen voor ten minste 72 uur [1]. Leg ook contant geld en medicijnen klaar [1].";

    private readonly ConcurrentQueue<ModelStep> _script = new();
    private readonly ConcurrentQueue<ModelRequest> _requests = new();
    private WebApplication _app = null!;

    /// <summary>The endpoint to configure as <c>AzureOpenAI:Endpoint</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>What is answered when the script is empty.</summary>
    public ModelStep Default { get; set; } = ModelStep.Reply(CitingReply);

    public IReadOnlyList<ModelRequest> Requests => [.. _requests];

    /// <summary>The bot's settings for this stand-in, with a short budget so a timeout test does not wait long.</summary>
    public Dictionary<string, string?> Settings(double budgetSeconds = 8) => new()
    {
        ["AzureOpenAI:Endpoint"] = Endpoint.ToString(),
        ["AzureOpenAI:Deployment"] = Deployment,
        ["AzureOpenAI:ApiKey"] = ApiKey,
        ["AzureOpenAI:BudgetSeconds"] = budgetSeconds.ToString(CultureInfo.InvariantCulture),
    };

    public static async Task<ModelStandIn> StartAsync()
    {
        var standIn = new ModelStandIn();
        (standIn._app, standIn.Endpoint) = await LocalServer.StartAsync(standIn.HandleAsync);
        return standIn;
    }

    /// <summary>Answers the next requests with these steps, in order.</summary>
    public void Then(params ModelStep[] steps)
    {
        foreach (var step in steps)
        {
            _script.Enqueue(step);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var path = context.Request.Path.Value ?? string.Empty;
        _requests.Enqueue(new ModelRequest(path, context.Request.Headers["api-key"].ToString(), JsonNode.Parse(body) as JsonObject ?? []));
        if (!path.EndsWith($"/openai/deployments/{Deployment}/chat/completions", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var step = _script.TryDequeue(out var next) ? next : Default;
        if (step.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(step.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (step.Status != HttpStatusCode.OK)
        {
            context.Response.StatusCode = (int)step.Status;
            if (step.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = ((int)step.Status).ToString(CultureInfo.InvariantCulture), ["message"] = "stand-in fault" } });
            return;
        }

        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["id"] = $"chatcmpl-{_requests.Count}",
            ["object"] = "chat.completion",
            ["created"] = 1_764_000_000,
            ["model"] = "gpt-4o-mini",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = step.Content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 900, ["completion_tokens"] = 60, ["total_tokens"] = 960 },
        });
    }
}

/// <summary>One scripted answer of the model stand-in.</summary>
public sealed record ModelStep(HttpStatusCode Status, string Content, TimeSpan Delay, TimeSpan? RetryAfter)
{
    public static ModelStep Reply(string content) => new(HttpStatusCode.OK, content, TimeSpan.Zero, null);

    public static ModelStep Fail(HttpStatusCode status, TimeSpan? retryAfter = null) => new(status, string.Empty, TimeSpan.Zero, retryAfter);

    public static ModelStep Slow(TimeSpan delay, string content = ModelStandIn.CitingReply) => new(HttpStatusCode.OK, content, delay, null);
}

/// <summary>A request the model stand-in received: the path, the api-key header and the JSON body.</summary>
public sealed record ModelRequest(string Path, string ApiKey, JsonObject Body)
{
    public string SystemMessage => ContentOf("system");

    public string UserMessage => ContentOf("user");

    // The client sends a message's content as a string or as an array of text parts.
    private string ContentOf(string role)
    {
        var content = (Body["messages"]?.AsArray().OfType<JsonNode>() ?? []).FirstOrDefault(m => m["role"]?.GetValue<string>() == role)?["content"];
        return content switch
        {
            JsonArray parts => string.Concat(parts.Select(part => part?["text"]?.GetValue<string>())),
            JsonValue text => text.GetValue<string>(),
            _ => string.Empty,
        };
    }
}
