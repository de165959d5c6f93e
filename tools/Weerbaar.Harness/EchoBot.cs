using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Weerbaar.Bot.Hosting;

namespace Weerbaar.Harness;

/// <summary>
/// The floor the load benchmark measures Weerbaar against: the bare Bot Framework pipeline (CloudAdapter and a
/// TeamsActivityHandler that replies with the text it got), with none of Weerbaar's middleware, storage or
/// knowledge. It runs as its own process (<c>Weerbaar.Harness.dll echo-bot</c>), started by the load like the bot.
/// With <c>--lean</c> it sends its replies through the same leaner connector clients as Weerbaar
/// (<see cref="LeanTurnAuthentication"/>), the floor without the SDK overhead Weerbaar removed.
/// </summary>
internal sealed class EchoBot : TeamsActivityHandler
{
    public const string Program = "Weerbaar.Harness.dll";
    public const string Verb = "echo-bot";
    public const string LeanOption = "--lean";

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
        => turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text ?? string.Empty), cancellationToken);

    /// <summary>Serves <c>POST /api/messages</c> and <c>GET /healthz</c> until the process is stopped.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var lean = args.Contains(LeanOption, StringComparer.Ordinal);
        var builder = WebApplication.CreateSlimBuilder([.. args.Where(a => a != LeanOption)]);
        // Without an app id the SDK accepts unauthenticated calls and replies without a token, as Weerbaar does in
        // Development: the same work on both sides of the comparison.
        builder.Services.AddSingleton<BotFrameworkAuthentication>(services =>
        {
            var sdk = new ConfigurationBotFrameworkAuthentication(services.GetRequiredService<IConfiguration>());
            return lean ? new LeanTurnAuthentication(sdk, new ConnectorJsonContracts()) : sdk;
        });
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(services =>
            new CloudAdapter(services.GetRequiredService<BotFrameworkAuthentication>(), services.GetRequiredService<ILogger<CloudAdapter>>()));
        builder.Services.AddSingleton<IBot, EchoBot>();
        var app = builder.Build();
        app.MapPost("/api/messages", (HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot) => adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted));
        app.MapGet("/healthz", () => Results.Ok());
        await app.RunAsync();
        return HarnessCommandLine.Success;
    }
}
