namespace Weerbaar.Tests.Cards;

/// <summary>The official engine's expansion of every <see cref="ParityCases"/> case, from one node run.</summary>
public sealed class RendererParityFixture : IAsyncLifetime
{
    public IReadOnlyDictionary<string, OfficialResult> Results { get; private set; } = new Dictionary<string, OfficialResult>();

    public async ValueTask InitializeAsync() => Results = await OfficialCards.CheckAsync(ParityCases.All);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
