using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Weerbaar.Harness.Fuzz;
using Weerbaar.Harness.Load;
using Weerbaar.Testing;

namespace Weerbaar.Harness;

/// <summary>
/// <c>fuzz [--cases 10000] [--seed N]</c>: posts seeded malformed and edge-case activities to a bot process (SQLite,
/// Development, the connector stand-in answering at once) and reports status codes and failures (500 and up except
/// 501, or no answer), whether the process is still up and healthy, and the database's integrity check. The test
/// suite runs the same generator with 1,000 cases; this verb is for longer runs.
/// </summary>
internal static class FuzzCommand
{
    public const string Name = "fuzz";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryNumber(args, "--cases", 10_000, out var cases) || !TryNumber(args, "--seed", 20261128, out var seed))
        {
            await error.WriteLineAsync("--cases and --seed take a whole number.");
            await HarnessCommandLine.WriteUsageAsync(error);
            return HarnessCommandLine.UsageError;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await using var connector = await ConnectorStandIn.StartAsync();
        connector.RecordCalls = false;
        await using var database = TestDatabase.CreateSqlite();
        var settings = LocalBotSettings.For(database);
        FuzzReport report;
        bool healthy;
        await using (var bot = await BotProcess.StartAsync(settings, workingDirectory: database.Folder))
        {
            report = await FuzzRun.RunAsync(new ActivityFuzzer(seed, connector.ServiceUrl).Cases(cases), async (body, ct) =>
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(bot.MessagesUrl, content, ct);
                return (int)response.StatusCode;
            }, cancellationToken);
            using var health = await http.GetAsync(new Uri(bot.BaseUrl, "healthz"), cancellationToken);
            healthy = health.IsSuccessStatusCode;
        }

        var integrity = await IntegrityAsync(database.ConnectionString, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"fuzz seed {seed}: {report.Summary}"));
        await output.WriteLineAsync($"process afterwards: {(healthy ? "up and healthy" : "NOT healthy")}; database integrity check: {integrity}");
        foreach (var failure in report.Failures.Take(50))
        {
            await output.WriteLineAsync("  " + failure);
        }

        return report.Failures.Count == 0 && healthy && integrity == "ok" ? HarnessCommandLine.Success : HarnessCommandLine.Failure;
    }

    private static async Task<string> IntegrityAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = (string?)await command.ExecuteScalarAsync(cancellationToken) ?? "no answer";
        SqliteConnection.ClearPool(connection);
        return result;
    }

    private static bool TryNumber(string[] args, string name, int fallback, out int value)
    {
        var i = Array.IndexOf(args, name);
        value = fallback;
        return i < 0 || (i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0);
    }
}
