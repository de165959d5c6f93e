using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Weerbaar.Tests.Support;

/// <summary>
/// Keeps every log entry the bot writes (level, category, message, structured fields and exception) and every scope, so a test can
/// check what would reach a log file — for example that no name or Teams id of a participant is in it.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        // A scope is kept as an entry of its own, so what scopes carry is checked like any message.
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
                : state.ToString();
            entries.Enqueue($"Scope {category}: [{fields}]");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{fields}] {exception}");
        }
    }
}
