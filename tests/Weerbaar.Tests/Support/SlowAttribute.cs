using Xunit.v3;

namespace Weerbaar.Tests.Support;

/// <summary>What makes a test slow: what it starts or needs beyond the test process.</summary>
public enum SlowKind
{
    /// <summary>Starts the built bot as a process of its own (<see cref="BotProcess"/>, <see cref="BotCommand"/>).</summary>
    Process,

    /// <summary>
    /// Starts the whole bot in process for every test (<see cref="BotApp"/>, <see cref="LocalBotTest"/>): a fresh
    /// database, seed import and search index, about a second each.
    /// </summary>
    Host,

    /// <summary>Needs a PostgreSQL server (configured or throwaway).</summary>
    Postgres,

    /// <summary>Drives Chromium on the Agents Playground.</summary>
    Browser,

    /// <summary>Runs traffic for a while: the soak, load and fuzz verbs, and the thousand-case fuzz test.</summary>
    Soak,
}

/// <summary>
/// Marks a slow test class or test with the traits <c>Category=&lt;kind&gt;</c> and <c>Speed=Slow</c>, so that one
/// filter (<c>--filter "Speed!=Slow"</c>) leaves out every kind and another (<c>--filter Category=Postgres</c>) picks
/// one.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SlowAttribute(params SlowKind[] kinds) : Attribute, ITraitAttribute
{
    public IReadOnlyList<SlowKind> Kinds { get; } = kinds;

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() =>
        [new("Speed", "Slow"), .. Kinds.Select(kind => new KeyValuePair<string, string>("Category", kind.ToString()))];
}
