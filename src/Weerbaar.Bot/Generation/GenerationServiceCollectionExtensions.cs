using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Weerbaar.Core.Generation;

namespace Weerbaar.Bot.Generation;

public static class GenerationServiceCollectionExtensions
{
    private const string HttpClientName = "azure-openai";

    /// <summary>
    /// Grounded generative answers. The chat client is registered only when <c>AzureOpenAI:Endpoint</c> and
    /// <c>AzureOpenAI:Deployment</c> are configured; otherwise the answerer stays extractive.
    /// </summary>
    public static IServiceCollection AddGeneration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GenerationOptions>().BindConfiguration(GenerationOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => !options.IsConfigured || Uri.TryCreate(options.Endpoint, UriKind.Absolute, out _), "AzureOpenAI:Endpoint is not an absolute address")
            .ValidateOnStart();
        services.AddSingleton<UserRateLimit>();
        services.AddSingleton<GroundedAnswerer>();

        var settings = configuration.GetSection(GenerationOptions.SectionName).Get<GenerationOptions>() ?? new GenerationOptions();
        if (!settings.IsConfigured)
        {
            return services;
        }

        services.AddHttpClient(HttpClientName).AddResilienceHandler(HttpClientName, (pipeline, context) =>
            AddModelResilience(pipeline, context.ServiceProvider.GetRequiredService<IOptions<GenerationOptions>>().Value));
        services.AddSingleton(CreateChatClient);
        return services;
    }

    // The client library's own retries are off: retries, the circuit breaker and the per-attempt timeout are ours,
    // so the whole call, retries included, stays inside the budget (GroundedAnswerer cancels at the budget).
    private static IChatClient CreateChatClient(IServiceProvider services)
    {
        var settings = services.GetRequiredService<IOptions<GenerationOptions>>().Value;
        var clientOptions = new AzureOpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = settings.Budget,
        };
        var endpoint = new Uri(settings.Endpoint!);
        var client = string.IsNullOrWhiteSpace(settings.ApiKey)
            ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), clientOptions)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(settings.ApiKey), clientOptions);
        return client.GetChatClient(settings.Deployment).AsIChatClient();
    }

    private static void AddModelResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, GenerationOptions settings)
    {
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(settings.MaxRetries, 1),
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(300),
            UseJitter = true,
            ShouldRetryAfterHeader = true,
            ShouldHandle = arguments => ValueTask.FromResult(settings.MaxRetries > 0 && IsWorthRetrying(arguments.Outcome, settings)),
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = settings.BreakAfterFailures,
            SamplingDuration = TimeSpan.FromMinutes(1),
            BreakDuration = TimeSpan.FromSeconds(settings.BreakSeconds),
        });
        pipeline.AddTimeout(settings.Budget * 0.75);
    }

    // A 429 or 5xx is retried, unless the service asks for a wait longer than we allow: then the extractive answer
    // now is better than a late generated one.
    private static bool IsWorthRetrying(Outcome<HttpResponseMessage> outcome, GenerationOptions settings)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (response.StatusCode != HttpStatusCode.TooManyRequests && status < 500)
        {
            return false;
        }

        return Hosting.ConnectorResilience.RequestedWait(response) <= TimeSpan.FromSeconds(settings.MaxRetryAfterSeconds);
    }
}
