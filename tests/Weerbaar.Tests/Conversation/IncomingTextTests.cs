using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Conversation;

namespace Weerbaar.Tests.Conversation;

/// <summary>What the bot reads from a Teams message: the question without its own @mention, other mentions kept.</summary>
public sealed class IncomingTextTests
{
    [Theory]
    [InlineData("<at>Weerbaar</at> help", true, "help")]
    [InlineData("<at>Weerbaar</at>&nbsp;help", true, "help")]
    [InlineData("Wat moet ik doen, <at>Weerbaar</at>?", true, "Wat moet ik doen, ?")]
    [InlineData("<at>Weerbaar</at> wat vindt <at>Cor de Vries</at> ervan?", true, "wat vindt Cor de Vries ervan?")]
    [InlineData("<at>Weerbaar</at>   help  ", false, "help")]
    [InlineData("  gewoon   een vraag ", false, "gewoon een vraag")]
    public void Of_RemovesOnlyTheBotsMention(string text, bool withEntity, string expected)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            Recipient = new ChannelAccount("28:bot", "Weerbaar"),
            Entities = withEntity
                ? [new Entity("mention") { Properties = JObject.FromObject(new { mentioned = new { id = "28:bot", name = "Weerbaar" }, text = "<at>Weerbaar</at>" }) }]
                : [],
        };

        Assert.Equal(expected, IncomingText.Of(activity));
    }
}
