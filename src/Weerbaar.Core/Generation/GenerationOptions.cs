using System.ComponentModel.DataAnnotations;

namespace Weerbaar.Core.Generation;

/// <summary>
/// Grounded generative answers with Azure OpenAI. Bound from the <c>AzureOpenAI</c> section. Without an endpoint and
/// a deployment the bot answers extractively, exactly as without this feature.
/// </summary>
public sealed class GenerationOptions
{
    public const string SectionName = "AzureOpenAI";

    /// <summary>The Azure OpenAI resource, e.g. <c>https://NAME.openai.azure.com/</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The name of the chat model deployment.</summary>
    public string? Deployment { get; set; }

    /// <summary>The API key; empty means managed identity (<c>DefaultAzureCredential</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Seconds the whole model call may take, retries included. Teams redelivers an activity whose reply takes about
    /// 15 s, so this stays well below that.
    /// </summary>
    [Range(0.5, 12)]
    public double BudgetSeconds { get; set; } = 8;

    /// <summary>How many of the best-matching articles (one passage each) the model gets.</summary>
    [Range(1, 8)]
    public int MaxPassages { get; set; } = 3;

    /// <summary>About how many words a passage sent to the model has.</summary>
    [Range(40, 400)]
    public int PassageWords { get; set; } = 180;

    /// <summary>The answer length the model is asked for; a reply much longer than this is not used.</summary>
    [Range(30, 300)]
    public int AnswerWords { get; set; } = 120;

    /// <summary>Retries after a 429 or 5xx, within the budget.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>The longest <c>Retry-After</c> that is waited out; a longer one ends the attempt (extractive answer).</summary>
    [Range(0, 10)]
    public double MaxRetryAfterSeconds { get; set; } = 3;

    /// <summary>
    /// Circuit breaker: once at least this many calls in a minute were made and half of them failed, the model is not
    /// called for <see cref="BreakSeconds"/> (answers are extractive at once instead of after a wait).
    /// </summary>
    [Range(2, 100)]
    public int BreakAfterFailures { get; set; } = 4;

    [Range(5, 3600)]
    public int BreakSeconds { get; set; } = 30;

    /// <summary>Generated answers per user per hour, to protect the cost budget; beyond it answers are extractive.</summary>
    [Range(1, 10_000)]
    public int AnswersPerUserPerHour { get; set; } = 30;

    /// <summary>Whether an endpoint and a deployment are configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Deployment);

    public TimeSpan Budget => TimeSpan.FromSeconds(BudgetSeconds);
}
