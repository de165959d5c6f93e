using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace Weerbaar.Bot.Hosting;

/// <summary>
/// Whether an activity comes through a channel the deployment serves (<c>Bot:AllowedChannels</c>; unset: Teams, and in
/// Development also the Bot Framework emulator). Through Web Chat or Direct Line, which an Azure Bot resource enables by
/// default, the caller writes <c>from.aadObjectId</c> and <c>channelData.tenant</c> itself, so admin rights and the
/// tenant list hold only for activities that Teams sent.
/// </summary>
public sealed class ChannelPolicy
{
    private readonly HashSet<string> _allowed;

    public ChannelPolicy(IOptions<BotOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = options.Value.AllowedChannels;
        IEnumerable<string> allowed = configured.Count > 0 ? configured
            : environment.IsDevelopment() ? [Channels.Msteams, Channels.Emulator]
            : [Channels.Msteams];
        _allowed = new HashSet<string>(allowed.Select(channel => channel.Trim()), StringComparer.OrdinalIgnoreCase);
    }

    public bool Allows(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.ChannelId is { } channel && _allowed.Contains(channel);
    }
}
