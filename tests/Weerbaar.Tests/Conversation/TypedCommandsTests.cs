using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Bot.Admin;
using Weerbaar.Bot.Conversation;
using Weerbaar.Bot.Questions;
using Weerbaar.Bot.Sessions;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Conversation;

/// <summary>The typed-command table the features register into keeps the order typed text was always offered in.</summary>
public sealed class TypedCommandsTests(SharedBotTest.Host host) : SharedBotTest(host)
{
    [Fact]
    public void TypedText_IsOfferedToFileImportErasureSessionsAdminHelp_AndLastIsAQuestion()
    {
        var order = Bot.Services.GetRequiredService<TypedCommands>().InOrder.Select(handler => handler.GetType());

        Assert.Equal(
            [typeof(FileImportCoordinator), typeof(ErasureRequest), typeof(SessionCoordinator), typeof(AdminCoordinator), typeof(HelpCommand), typeof(QuestionResponder)],
            order);
    }

    [Fact]
    public void TwoHandlersAtOnePlace_AreRefused()
    {
        Assert.Throws<InvalidOperationException>(() => new TypedCommands([new Stand(TypedCommandOrder.Help), new Stand(TypedCommandOrder.Help)]));
    }

    private sealed class Stand(int order) : ITypedCommandHandler
    {
        public int Order => order;

        public Task<bool> TryHandleTypedAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
