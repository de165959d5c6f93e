using Weerbaar.Bot.Admin;
using Weerbaar.Core.Feedback;

namespace Weerbaar.Tests.Admin;

/// <summary>`beheer vragen` tells a partly known question (the topic known, the asked detail not) from an unknown one.</summary>
public sealed class QuestionGroupTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Groups_CountTheirPartlyKnownQuestions()
    {
        var groups = QuestionGroups.Build(
        [
            Question("hoeveel kost een noodverordening", partial: true),
            Question("hoeveel kost een noodverordening eigenlijk", partial: true),
            Question("hoeveel kost een noodverordening", partial: false),
            Question("wie wint de tour de france", partial: false),
        ]);

        var costs = groups.Single(g => g.Example.Contains("noodverordening", StringComparison.Ordinal));
        Assert.Equal(3, costs.Count);
        Assert.Equal(2, costs.Partial);
        Assert.Equal(0, groups.Single(g => g.Example.Contains("tour", StringComparison.Ordinal)).Partial);
    }

    [Theory]
    [InlineData(3, 0, "3× gevraagd, het laatst op maandag")]
    [InlineData(3, 3, "3× gevraagd, deels bekend, het laatst op maandag")]
    [InlineData(3, 2, "3× gevraagd (2× deels bekend), het laatst op maandag")]
    public void TheAdminSeesHowManyWerePartlyKnown(int count, int partial, string expected) =>
        Assert.Equal(expected, AdminTexts.QuestionGroupLine(count, partial, "maandag"));

    private static UnansweredQuestion Question(string text, bool partial) => new()
    {
        Text = text,
        NormalizedText = text,
        AskedAt = Monday,
        Partial = partial,
    };
}
