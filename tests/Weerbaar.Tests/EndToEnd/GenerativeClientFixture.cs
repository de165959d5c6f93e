using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.EndToEnd;

/// <summary>The Teams client fixture with the bot configured for generated answers, against the Azure OpenAI stand-in.</summary>
public sealed class GenerativeClientFixture : TeamsClientFixture
{
    public ModelStandIn? Model { get; private set; }

    /// <summary>Stops the model stand-in, as when Azure OpenAI is down: the port no longer answers.</summary>
    public async Task TakeModelDownAsync()
    {
        if (Model is not null)
        {
            await Model.DisposeAsync();
            Model = null;
        }
    }

    protected override async Task<IReadOnlyDictionary<string, string?>> StartStandInsAsync()
    {
        Model = await ModelStandIn.StartAsync();
        return Model.Settings(budgetSeconds: 4);
    }

    protected override async ValueTask StopStandInsAsync() => await TakeModelDownAsync();
}
