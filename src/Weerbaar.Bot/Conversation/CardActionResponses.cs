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

    /// <summary>A 200 response that replaces the pressed card with <paramref name="card"/> (Universal Actions).</summary>
    public static AdaptiveCardInvokeResponse CardBody(Attachment card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new AdaptiveCardInvokeResponse { StatusCode = StatusCodes.Status200OK, Type = card.ContentType, Value = card.Content };
    }

    public static AdaptiveCardInvokeResponse MessageBody(string text) => new()
    {
        StatusCode = StatusCodes.Status200OK,
        Type = MessageType,
        Value = text,
    };
}
