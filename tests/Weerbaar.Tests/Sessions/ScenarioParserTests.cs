using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Tests.Sessions;

/// <summary>The scenario parser accepts a valid file and names the right line for every kind of mistake.</summary>
public sealed class ScenarioParserTests
{
    private const string FileName = "gesprekstool/scenario.yaml";

    private static readonly DateOnly Today = new(2026, 6, 1);

    private const string Valid = """
        id: test-gesprek
        title: Een testgesprek
        notice: Dit is een eigen uitwerking van Weerbaar, niet de officiële tekst van de NCTV en Defensie.
        voorbereiding: Bekijk vooraf de video en zet bijdragen anoniem aan voor de stappen over zwakke plekken.
        sources:
          - title: Brief aan de burgemeesters
            url: geen
            publisher: NCTV
            date: 2024-12-06
          - title: Overzicht vitale processen
            url: https://www.nctv.nl/onderwerpen/vitale-infrastructuur/overzicht-vitale-processen
            publisher: NCTV
            date: onbekend
        laatst_gecontroleerd: 2026-01-01
        steps:
          - id: opening
            part: opening
            title: Opening
            minutes: 15
            situation: We bekijken samen de video over dreigingen.
            questions:
              - id: beeld
                text: Wat raakt u in dit beeld?
            resources: [video]
            articles: [hybride-dreigingen]
          - id: waarom
            part: waarom
            title: Waarom dit gesprek
            minutes: 10
            situation: Een weerbare samenleving kan een schok opvangen.
            questions:
              - id: afhankelijk
                text: Van welke processen hangen wij af?
          - id: spelregels
            part: spelregels
            title: Spelregels
            minutes: 5
            situation: We bereiden ons voor en maken niemand bang.
            questions:
              - id: vrijuit
                text: Wat heeft u nodig om mee te praten?
          - id: stap-a
            part: scenario
            title: "Stap A: onrust"
            minutes: 40
            situation: Er gaat een nepbericht rond over uw organisatie.
            themes: [desinformatie, communicatie]
            questions:
              - id: eerst
                text: Wie ziet dit als eerste?
              - id: bereikbaar
                text: Hoe bereiken mensen ons?
                variants:
                  gemeente: Hoe bereiken inwoners de gemeente?
                  maatschappelijk: Hoe bereiken cliënten ons?
          - id: bijdrage
            part: bijdrage
            title: Wat kunnen wij bijdragen?
            minutes: 15
            situation: Breng uw bijdrage in kaart op drie niveaus.
            questions:
              - id: eigen
                text: Wat moet er geregeld zijn?
          - id: afspraken
            part: afspraken
            title: Afspraken
            minutes: 10
            situation: Kies drie acties, elk met een eigenaar en een datum.
            questions:
              - id: acties
                text: Welke drie acties kiezen we?
        """;

    [Fact]
    public void Parse_ValidFile_ReturnsTheScenarioWithEveryField()
    {
        var (scenario, problems) = Parse(Valid);

        Assert.Empty(problems);
        Assert.NotNull(scenario);
        Assert.Equal("test-gesprek", scenario.Id);
        Assert.Equal(new DateOnly(2026, 1, 1), scenario.LastChecked);
        Assert.StartsWith("Bekijk vooraf de video", scenario.Preparation, StringComparison.Ordinal);
        Assert.Null(scenario.Sources[0].Url);
        Assert.Equal("https://www.nctv.nl/onderwerpen/vitale-infrastructuur/overzicht-vitale-processen", scenario.Sources[1].Url);
        Assert.Equal(["opening", "waarom", "spelregels", "stap-a", "bijdrage", "afspraken"], scenario.Steps.Select(s => s.Id));
        var inject = scenario.Step("stap-a")!;
        Assert.Equal(ScenarioPart.Scenario, inject.Part);
        Assert.Equal(40, inject.Minutes);
        Assert.Equal(["desinformatie", "communicatie"], inject.Themes);
        Assert.Equal(["video"], scenario.Steps[0].ResourceIds);
        Assert.Equal(["hybride-dreigingen"], scenario.Steps[0].ArticleIds);
        var question = inject.Questions[1];
        Assert.Equal("Hoe bereiken inwoners de gemeente?", question.TextFor(OrganisationKind.Gemeente));
        Assert.Equal("Hoe bereiken cliënten ons?", question.TextFor(OrganisationKind.Maatschappelijk));
        Assert.Equal("Hoe bereiken mensen ons?", question.TextFor(OrganisationKind.Bedrijf));
    }

    [Fact]
    public void Parse_InvalidYaml_ReportsTheLineOfTheError()
    {
        var yaml = Valid.Replace("    title: Waarom dit gesprek", "    title: Waarom: dit gesprek", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "title: Waarom: dit"), "invalid YAML");
    }

    [Fact]
    public void Parse_UnclosedList_ReportsTheLineWhereTheParserNoticesIt()
    {
        var yaml = Valid.Replace("    title: Waarom dit gesprek", "    title: [Waarom dit gesprek", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "title: [Waarom") + 1, "invalid YAML");
    }

    [Fact]
    public void Parse_NotAMap_ReportsLineOne()
    {
        AssertProblem("- een\n- twee\n", 1, "must be a map");
    }

    [Fact]
    public void Parse_UnknownTopLevelField_ReportsItsLine()
    {
        var yaml = Valid.Replace("title: Een testgesprek", "title: Een testgesprek\nauteur: iemand", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "auteur:"), "unknown field 'auteur'");
    }

    [Fact]
    public void Parse_MissingTitle_ReportsTheMapLine()
    {
        var yaml = Valid.Replace("title: Een testgesprek\n", string.Empty, StringComparison.Ordinal);

        AssertProblem(yaml, 1, "'title' is missing");
    }

    [Fact]
    public void Parse_TitleTooShort_ReportsItsLine()
    {
        var yaml = Valid.Replace("title: Een testgesprek", "title: Test", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "title: Test"), "'title' must be 5–100 characters");
    }

    [Fact]
    public void Parse_SourceWithoutUrl_ReportsTheSourceLine()
    {
        var yaml = Valid.Replace("    url: geen\n", string.Empty, StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "- title: Brief aan de burgemeesters"), "'url' is missing");
    }

    [Fact]
    public void Parse_LastCheckedInTheFuture_ReportsItsLine()
    {
        var yaml = Valid.Replace("laatst_gecontroleerd: 2026-01-01", "laatst_gecontroleerd: 2026-12-01", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "laatst_gecontroleerd:"), "lies in the future");
    }

    [Fact]
    public void Parse_UnknownStepField_ReportsItsLine()
    {
        var yaml = Valid.Replace("    minutes: 5\n", "    minutes: 5\n    duur: 5\n", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "duur:"), "unknown field 'duur'");
    }

    [Fact]
    public void Parse_DuplicateStepId_ReportsTheSecondOne()
    {
        var yaml = Valid.Replace("  - id: waarom", "  - id: opening", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "- id: opening", occurrence: 2), "the step id 'opening' is used twice");
    }

    [Fact]
    public void Parse_DuplicateQuestionIdInAStep_ReportsTheSecondOne()
    {
        var yaml = Valid.Replace("      - id: bereikbaar", "      - id: eerst", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "- id: eerst", occurrence: 2), "the question id 'eerst' is used twice");
    }

    [Fact]
    public void Parse_InvalidId_ReportsItsLine()
    {
        var yaml = Valid.Replace("  - id: spelregels", "  - id: Spel_regels", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "- id: Spel_regels"), "lower-case letters");
    }

    [Fact]
    public void Parse_UnknownPart_ReportsItsLine()
    {
        var yaml = Valid.Replace("part: waarom", "part: inleiding", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "part: inleiding"), "unknown part 'inleiding'");
    }

    [Fact]
    public void Parse_UnknownTheme_ReportsItsLine()
    {
        var yaml = Valid.Replace("themes: [desinformatie, communicatie]", "themes: [desinformatie, weer]", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "themes:"), "unknown theme 'weer'");
    }

    [Fact]
    public void Parse_RepeatedTheme_ReportsItsLine()
    {
        var yaml = Valid.Replace("themes: [desinformatie, communicatie]", "themes:\n      - energie\n      - energie", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "- energie", occurrence: 2), "'energie' appears twice");
    }

    [Fact]
    public void Parse_ScenarioStepWithoutThemes_ReportsTheStepLine()
    {
        var yaml = Valid.Replace("    themes: [desinformatie, communicatie]\n", string.Empty, StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "- id: stap-a"), "'themes' is missing");
    }

    [Fact]
    public void Parse_ThemesOnAnotherPart_ReportsTheirLine()
    {
        var yaml = Valid.Replace("    minutes: 10\n    situation: Een", "    minutes: 10\n    themes: [energie]\n    situation: Een", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "themes: [energie]"), "only steps of part 'scenario' have 'themes'");
    }

    [Fact]
    public void Parse_UnknownVariantKind_ReportsItsLine()
    {
        var yaml = Valid.Replace("          gemeente:", "          gemeenten:", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "gemeenten:"), "unknown organisation kind 'gemeenten'");
    }

    [Fact]
    public void Parse_VariantsNotAMap_ReportsTheirLine()
    {
        var yaml = Valid.Replace(
            "        variants:\n          gemeente: Hoe bereiken inwoners de gemeente?\n          maatschappelijk: Hoe bereiken cliënten ons?",
            "        variants: [gemeente]", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "variants: [gemeente]"), "'variants' must be a map");
    }

    [Fact]
    public void Parse_UnknownResource_ReportsItsLine()
    {
        var yaml = Valid.Replace("resources: [video]", "resources: [podcast]", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "resources: [podcast]"), "resource 'podcast' is not in resources.yaml");
    }

    [Fact]
    public void Parse_UnknownArticle_ReportsItsLine()
    {
        var yaml = Valid.Replace("articles: [hybride-dreigingen]", "articles:\n      - hybride-dreigingen\n      - bestaat-niet", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "- bestaat-niet"), "article 'bestaat-niet' does not exist");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("121")]
    [InlineData("tien")]
    [InlineData("-5")]
    public void Parse_MinutesOutOfRange_ReportsTheirLine(string minutes)
    {
        var yaml = Valid.Replace("minutes: 40", $"minutes: {minutes}", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, $"minutes: {minutes}"), "'minutes' must be a whole number from 1 to 120");
    }

    [Fact]
    public void Parse_TotalMinutesTooLong_ReportsTheStepsLine()
    {
        var yaml = Valid.Replace("minutes: 40", "minutes: 120", StringComparison.Ordinal).Replace("minutes: 15", "minutes: 100", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "steps:"), "the steps take 345 minutes in total");
    }

    [Fact]
    public void Parse_TotalMinutesTooShort_ReportsTheStepsLine()
    {
        var atTheMinimum = Valid.Replace("minutes: 40", "minutes: 5", StringComparison.Ordinal);
        var yaml = atTheMinimum.Replace("minutes: 10", "minutes: 9", StringComparison.Ordinal);

        Assert.Empty(Parse(atTheMinimum).Problems);
        AssertProblem(yaml, LineOf(yaml, "steps:"), "the steps take 58 minutes in total");
    }

    [Fact]
    public void Parse_TooManyQuestions_ReportsTheQuestionsLine()
    {
        var questions = string.Concat(Enumerable.Range(1, 5).Select(i => $"      - id: vraag-{i}\n        text: Dit is vraag {i}?\n"));
        var yaml = Valid.Replace("      - id: vrijuit\n        text: Wat heeft u nodig om mee te praten?\n", questions, StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "- id: vraag-1"), "at most 4 questions (has 5)");
    }

    [Fact]
    public void Parse_MissingPart_ReportsTheStepsLine()
    {
        var spelregels = Valid[Valid.IndexOf("  - id: spelregels", StringComparison.Ordinal)..Valid.IndexOf("  - id: stap-a", StringComparison.Ordinal)];
        var yaml = Valid.Replace(spelregels, string.Empty, StringComparison.Ordinal).Replace("minutes: 40", "minutes: 45", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "steps:"), "there is no step of part 'spelregels'");
    }

    [Fact]
    public void Parse_PartsOutOfOrder_ReportsTheStepThatComesTooLate()
    {
        var yaml = Valid.Replace("part: opening", "part: waarom", StringComparison.Ordinal)
            .Replace("part: waarom\n    title: Waarom", "part: opening\n    title: Waarom", StringComparison.Ordinal);

        AssertProblem(yaml, LineOf(yaml, "- id: waarom"), "step 'waarom' of part 'opening' comes after a step of part 'waarom'");
    }

    [Fact]
    public void Parse_LastStepIsNotAgreements_ReportsTheLastStep()
    {
        var extra = "  - id: nog-een-scenario\n    part: scenario\n    title: Nog een stap\n    minutes: 5\n" +
            "    situation: Nog een gebeurtenis in het scenario.\n    themes: [energie]\n    questions:\n      - id: vraag\n        text: Wat doen we nu?\n";
        var yaml = Valid.TrimEnd() + "\n" + extra;

        AssertProblem(yaml, LineOf(yaml, "- id: nog-een-scenario"), "the last step must be of part 'afspraken'");
    }

    [Fact]
    public void Parse_EveryProblemNamesTheFile()
    {
        var yaml = Valid.Replace("part: waarom", "part: inleiding", StringComparison.Ordinal).Replace("minutes: 40", "minutes: 0", StringComparison.Ordinal);

        var (_, problems) = Parse(yaml);

        Assert.True(problems.Count >= 2, string.Join('\n', problems));
        Assert.All(problems, p => Assert.Equal(FileName, p.File));
    }

    private static (Scenario? Scenario, List<KnowledgeProblem> Problems) Parse(string yaml)
    {
        var problems = new List<KnowledgeProblem>();
        var scenario = ScenarioParser.Parse(
            FileName,
            yaml,
            Today,
            new HashSet<string>(StringComparer.Ordinal) { "video" },
            new HashSet<string>(StringComparer.Ordinal) { "hybride-dreigingen" },
            problems);
        return (scenario, problems);
    }

    private static void AssertProblem(string yaml, int line, string message)
    {
        var (scenario, problems) = Parse(yaml);

        Assert.Null(scenario);
        Assert.True(
            problems.Exists(p => p.Line == line && p.Message.Contains(message, StringComparison.Ordinal)),
            $"expected line {line}: {message}\nfound:\n{string.Join('\n', problems)}");
    }

    private static int LineOf(string text, string needle, int occurrence = 1)
    {
        var lines = text.Split('\n');
        var seen = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(needle, StringComparison.Ordinal) && ++seen == occurrence)
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"'{needle}' (occurrence {occurrence}) not found");
    }
}
