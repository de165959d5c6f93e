namespace Weerbaar.Bot.Conversation;

/// <summary>
/// Where help is asked for: a group chat or channel, or a personal chat; and the gesprekstool session open there (running
/// or paused), whose buttons then come first.
/// </summary>
public sealed record HelpPlace(bool IsGroup, Guid? OpenSessionId);
