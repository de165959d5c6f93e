using System.Text.Json.Nodes;
using Weerbaar.Harness.Load;

namespace Weerbaar.Tests.Harness;

/// <summary>What the load counts as an answer: a limit or error notice is quicker than an answer and must not pass as one.</summary>
public sealed class BotReplyTests
{
    private const string Question = "Wat moet er in een noodpakket?";

    [Fact]
    public void AnAnswerCard_AnswersTheQuestion()
    {
        var reply = BotReply.From(JsonNode.Parse("""
            {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","body":[]}}]}
            """)!.AsObject());

        Assert.True(reply!.Answers(Question));
    }

    [Fact]
    public void TheEchoOfTheQuestion_AnswersIt()
    {
        Assert.True(BotReply.From(new JsonObject { ["type"] = "message", ["text"] = Question })!.Answers(Question));
    }

    [Theory]
    [InlineData("U stuurt veel berichten kort na elkaar. Wacht een minuut en probeer het dan opnieuw.")]
    [InlineData("Er ging iets mis. Probeer het later opnieuw.")]
    public void APlainNotice_DoesNotAnswerTheQuestion(string notice)
    {
        Assert.False(BotReply.From(new JsonObject { ["type"] = "message", ["text"] = notice })!.Answers(Question));
    }

    [Fact]
    public void AHeroCard_IsNotAnAnswerCard()
    {
        var reply = BotReply.From(JsonNode.Parse("""
            {"type":"message","text":"x","attachments":[{"contentType":"application/vnd.microsoft.card.hero","content":{"title":"x"}}]}
            """)!.AsObject());

        Assert.False(reply!.Answers(Question));
    }

    [Fact]
    public void ATypingIndicator_IsNoReply()
    {
        Assert.Null(BotReply.From(new JsonObject { ["type"] = "typing" }));
    }
}
