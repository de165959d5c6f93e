using Weerbaar.Bot.Admin;

namespace Weerbaar.Tests.Admin;

/// <summary>One table maps card verbs and typed <c>beheer …</c> words to admin commands, and says what reaches the log.</summary>
public sealed class AdminCommandsTests
{
    [Fact]
    public void EveryCommandHasOneEntry_WithItsOwnVerb()
    {
        Assert.Equal(Enum.GetValues<AdminCommandKind>(), AdminCommands.All.Select(c => c.Kind).Order());
        Assert.Equal(AdminCommands.All.Count, AdminCommands.All.Select(c => c.Verb).Distinct(StringComparer.Ordinal).Count());
        Assert.All(AdminCommands.All, c => Assert.True(AdminVerb.IsAdminVerb(c.Verb), c.Verb));
    }

    [Theory]
    [InlineData("beheer", AdminCommandKind.Home)]
    [InlineData("  Beheer! ", AdminCommandKind.Home)]
    [InlineData("beheer log", AdminCommandKind.Log)]
    [InlineData("beheer Logboek.", AdminCommandKind.Log)]
    [InlineData("BEHEER vragen", AdminCommandKind.Questions)]
    [InlineData("beheer feedback", AdminCommandKind.Feedback)]
    public void TypedWords_LeadToTheirCommand(string text, AdminCommandKind expected)
    {
        Assert.True(AdminCommands.IsTyped(text, out var words));
        Assert.Equal(expected, AdminCommands.ForTyped(words)?.Kind);
    }

    [Theory]
    [InlineData("beheer zomaar")]
    [InlineData("beheer log nu")]
    [InlineData("beheer adminSave")]
    public void UnknownTypedWords_AreAnAdminCommandWithoutAMatch(string text)
    {
        Assert.True(AdminCommands.IsTyped(text, out var words));
        Assert.Null(AdminCommands.ForTyped(words));
    }

    [Theory]
    [InlineData("beheerder")]
    [InlineData("wat is beheer")]
    [InlineData("")]
    public void OtherText_IsNotForAdmin(string text) => Assert.False(AdminCommands.IsTyped(text, out _));

    [Fact]
    public void KnownVerbs_AreLoggedByName_AnythingElseAsUnknown()
    {
        Assert.Equal(AdminVerb.Publish, AdminCommands.LogNameOf(AdminVerb.Publish));
        Assert.Equal(AdminCommands.UnknownLogName, AdminCommands.LogNameOf("adminDropTables"));
        Assert.Equal(AdminCommands.UnknownLogName, AdminCommands.LogNameOf("Bea Beheerder"));
    }
}
