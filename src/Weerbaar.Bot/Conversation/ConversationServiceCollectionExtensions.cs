using Microsoft.Bot.Builder;
using Weerbaar.Bot.Cards;

namespace Weerbaar.Bot.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// The turn: the bot, its card-action router and typed-command table, welcome, help and erasure. Features join it
    /// by registering <see cref="ICardActionHandler"/>, <see cref="IDialogHandler"/>, <see cref="ITypedCommandHandler"/> and
    /// <see cref="IInvokeHandler"/>.
    /// </summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddSingleton<CardTemplates>();
        services.AddSingleton<BotCards>();
        services.AddSingleton<WelcomeLedger>();
        services.AddSingleton<HelpSender>();
        services.AddSingleton<HelpCommand>();
        services.AddSingleton<ITypedCommandHandler>(sp => sp.GetRequiredService<HelpCommand>());
        services.AddSingleton<ErasureRequest>();
        services.AddSingleton<ITypedCommandHandler>(sp => sp.GetRequiredService<ErasureRequest>());
        services.AddSingleton<Weerbaar.Core.Privacy.PersonalDataEraser>();
        services.AddSingleton<TypedCommands>();
        services.AddSingleton<CardActionRouter>();
        services.AddSingleton<DialogRouter>();
        services.AddTransient<IBot, WeerbaarBot>();
        return services;
    }
}
