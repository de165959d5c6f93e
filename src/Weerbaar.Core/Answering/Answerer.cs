using Microsoft.Extensions.Logging;

namespace Weerbaar.Core.Answering;

/// <summary>
/// The question-answering entry point. It answers from the published knowledge only. The knowledge base itself
/// (articles, search, sources) is not built yet, so nothing is published and every question takes the honest
/// "not known" path; that path is what users get whenever the knowledge has no answer.
/// </summary>
public sealed class Answerer(ILogger<Answerer> logger)
{
    public Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        cancellationToken.ThrowIfCancellationRequested();
        var trimmed = question.Trim();
        Log.QuestionNotKnown(logger, trimmed.Length);
        return Task.FromResult(new Answer(AnswerKind.NotKnown, trimmed));
    }
}
