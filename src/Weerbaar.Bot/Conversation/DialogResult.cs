using Microsoft.Bot.Schema;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// What a dialog step answers: a card to show in the dialog (<see cref="Show"/>), one line that closes the dialog
/// (<see cref="Say"/>; Teams shows it in a small box), or nothing, which closes it silently (<see cref="Close"/>).
/// </summary>
public sealed record DialogResult
{
    private DialogResult(string? title, Attachment? card, DialogSize size, string? message)
    {
        Title = title;
        Card = card;
        Size = size;
        Message = message;
    }

    public string? Title { get; }

    public Attachment? Card { get; }

    public DialogSize Size { get; }

    public string? Message { get; }

    public static DialogResult Show(string title, Attachment card, DialogSize size = DialogSize.Medium) => new(title, card, size, null);

    public static DialogResult Say(string message) => new(null, null, DialogSize.Small, message);

    public static DialogResult Close() => new(null, null, DialogSize.Small, null);
}

/// <summary>Teams' named dialog sizes, which fit every screen (pixel sizes do not fit a phone).</summary>
public enum DialogSize
{
    Small,
    Medium,
    Large,
}
