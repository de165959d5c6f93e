using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Privacy;

namespace Weerbaar.Core.Generation;

/// <summary>
/// Writes a short answer from the passages the search found, through the configured chat model, and checks it.
/// Works only on a question the extractive answerer was confident about: below the threshold the bot abstains without
/// calling the model. The chat client is optional: without one every attempt ends as <see cref="GenerationOutcome.NotConfigured"/>.
/// </summary>
public sealed class GroundedAnswerer(IOptions<GenerationOptions> options, UserRateLimit rateLimit, ILogger<GroundedAnswerer> logger, IChatClient? chatClient = null)
{
    public bool IsEnabled => chatClient is not null;

    /// <summary>The passages the model would get for <paramref name="answer"/>: the best section of each confident hit, numbered from 1.</summary>
    public IReadOnlyList<GroundedPassage> PassagesFor(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var settings = options.Value;
        return [.. answer.Supporting.Take(settings.MaxPassages).Select((hit, i) =>
        {
            // The answering article gives the sentences that answer, with their context; the others their best section.
            if (i == 0 && answer.Passage is string composed)
            {
                return new GroundedPassage(i + 1, hit.Article, answer.Section, composed.Replace("**", string.Empty, StringComparison.Ordinal));
            }

            var section = hit.Article.Sections.ToList().FindIndex(s => ReferenceEquals(s, hit.Section));
            return new GroundedPassage(i + 1, hit.Article, Math.Max(section, 0), Passage.Trim(hit.Section.Text, settings.PassageWords));
        })];
    }

    /// <param name="userId">
    /// Only for the hourly allowance (hashed there); never sent to the model. Null for operator tools (the command
    /// line), which have no allowance.
    /// </param>
    public async Task<GenerationResult> GenerateAsync(Answer answer, string? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (chatClient is null || answer.Kind != AnswerKind.Answered)
        {
            return GenerationResult.Of(GenerationOutcome.NotConfigured);
        }

        if (userId is not null && !rateLimit.TryTake(userId))
        {
            Log.GenerationRateLimited(logger);
            return GenerationResult.Of(GenerationOutcome.RateLimited);
        }

        var settings = options.Value;
        var passages = PassagesFor(answer);
        // A short follow-up ("en voor kinderen?") means nothing to the model without the question it follows.
        var question = answer.PreviousQuestion is { } previous ? $"{previous} {answer.Question}" : answer.Question;
        var messages = GroundingPrompt.Build(passages, PersonalDataMask.Apply(question), settings.AnswerWords);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(settings.Budget);
        string reply;
        try
        {
            var response = await chatClient.GetResponseAsync(messages, new ChatOptions { Temperature = 0.1f, MaxOutputTokens = settings.AnswerWords * 6 }, budget.Token);
            reply = response.Text;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.GenerationTimedOut(logger, settings.BudgetSeconds);
            return GenerationResult.Of(GenerationOutcome.TimedOut);
        }
#pragma warning disable CA1031 // Any failure of the optional model means the extractive answer, never an error for the user.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Log.GenerationFailed(logger, exception.GetType().Name);
            return GenerationResult.Of(GenerationOutcome.Failed);
        }

        var text = ReplyCheck.Normalize(reply);
        var verdict = ReplyCheck.Check(text, passages, settings.AnswerWords, GroundingPrompt.Rules(settings.AnswerWords));
        if (verdict != ReplyVerdict.Valid)
        {
            Log.GenerationRejected(logger, verdict);
            return GenerationResult.Of(GenerationOutcome.Rejected) with { Verdict = verdict };
        }

        var cited = ReplyCheck.CitedNumbers(text).Order().Select(n => passages.Single(p => p.Number == n)).ToList();
        Log.Generated(logger, passages.Count, cited.Count, text.Length);
        return GenerationResult.Of(GenerationOutcome.Generated) with { Answer = new GeneratedAnswer(text, cited) };
    }
}
