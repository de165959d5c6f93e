namespace Weerbaar.Harness.Fuzz;

/// <summary>What a fuzz run found: the answers by status code and every case the bot failed on.</summary>
public sealed record FuzzReport(int Cases, IReadOnlyDictionary<int, int> Statuses, IReadOnlyList<string> Failures)
{
    public string Summary => $"{Cases} cases: " + string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Value}× {s.Key}")) + $"; {Failures.Count} failures";
}

/// <summary>
/// Posts fuzz cases one after the other and judges the answers: anything from 500 up is a failure, except 501, the
/// protocol's answer to an invoke the bot does not implement; so is a request that gets no answer at all.
/// </summary>
public static class FuzzRun
{
    /// <param name="post">Posts one body to <c>/api/messages</c> and returns the status code.</param>
    public static async Task<FuzzReport> RunAsync(IEnumerable<FuzzCase> cases, Func<string, CancellationToken, Task<int>> post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(post);
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var count = 0;
        foreach (var fuzzCase in cases)
        {
            count++;
            int status;
            try
            {
                status = await post(fuzzCase.Body, cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                failures.Add($"case {fuzzCase.Index} ({fuzzCase.Kind}): no answer ({exception.Message})");
                continue;
            }

            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500 && status != 501)
            {
                failures.Add($"case {fuzzCase.Index} ({fuzzCase.Kind}): {status}");
            }
        }

        return new FuzzReport(count, statuses, failures);
    }
}
