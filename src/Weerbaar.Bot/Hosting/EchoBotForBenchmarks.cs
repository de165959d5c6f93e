using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Weerbaar.Bot.Hosting;

/// <summary>
/// For benchmarks only: a bot that replies to every message with the text it got, in place of Weerbaar, on the same
/// host (same CloudAdapter, same <c>/api/messages</c>, same authentication). It measures what the bare Bot Framework
/// pipeline costs, the baseline the <c>load</c> verb compares Weerbaar with. Off unless
/// <c>Bench:EchoBotForBenchmarks</c> is <c>true</c>; never turn it on where people talk to the bot.
/// </summary>
public sealed class EchoBotForBenchmarks : ActivityHandler
{
    /// <summary>The setting that swaps Weerbaar for the echo bot.</summary>
    public const string SettingKey = "Bench:EchoBotForBenchmarks";

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
        => turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text ?? string.Empty), cancellationToken);
}

public static class EchoBotForBenchmarksExtensions
{
    /// <summary>Replaces the bot with <see cref="EchoBotForBenchmarks"/> when <c>Bench:EchoBotForBenchmarks</c> is true; does nothing otherwise.</summary>
    public static IServiceCollection AddEchoBotForBenchmarks(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>(EchoBotForBenchmarks.SettingKey))
        {
            return services;
        }

        services.AddTransient<IBot, EchoBotForBenchmarks>();
        services.AddHostedService<EchoBotWarning>();
        return services;
    }

    // Says so at startup, so an echo bot that reached a real deployment by mistake shows in the logs.
    private sealed class EchoBotWarning(ILogger<EchoBotForBenchmarks> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            Log.EchoBotForBenchmarks(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
