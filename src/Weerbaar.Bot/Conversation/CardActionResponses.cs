using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Weerbaar.Bot.Conversation;

/// <summary>Builds the responses to an Adaptive Card <c>Action.Execute</c> (the <c>adaptiveCard/action</c> invoke).</summary>
public static class CardActionResponses
{
    private const string MessageType = "application/vnd.microsoft.activity.message";

    /// <summary>A 200 response whose text Teams shows beside the card; the card itself stays as it is.</summary>
    public static Activity Message(string text) => new()
    {
        Type = ActivityTypesEx.InvokeResponse,
        Value = new InvokeResponse { Status = StatusCodes.Status200OK, Body = MessageBody(text) },
    };

    public static AdaptiveCardInvokeResponse MessageBody(string text) => new()
    {
        StatusCode = StatusCodes.Status200OK,
        Type = MessageType,
        Value = text,
    };
}
