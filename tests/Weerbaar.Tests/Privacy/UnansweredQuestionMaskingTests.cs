using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Core.Feedback;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Privacy;

/// <summary>
/// A question the bot could not answer (or only partly) is kept for the admins with BSN, phone number, e-mail address,
/// IBAN and postcode with house number masked; what admins read back in <c>beheer vragen</c> holds none of them.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class UnansweredQuestionMaskingTests : LocalBotTest
{
    private readonly TeamsUser _anna = TeamsUser.Create("Anna");

    [Fact]
    public async Task UnknownQuestionWithPersonalData_IsKeptMasked()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        await AskAsync(chat, "Wie wint de Tour de France? Mijn BSN is 111222333, bel 06-12345678 of mail jan.jansen@example.nl, rekening NL91 ABNA 0417 1643 00, adres 1234 AB 12.");

        var text = Assert.Single(await KeptAsync(chat.TenantId));
        Assert.Equal("Wie wint de Tour de France? Mijn BSN is [BSN], bel [telefoonnummer] of mail [e-mailadres], rekening [IBAN], adres [postcode en huisnummer].", text);
    }

    [Fact]
    public async Task PartlyKnownQuestionWithAPhoneNumber_IsKeptMasked_AndStillPartial()
    {
        // A partly known question with personal data around it is rarely still partly known (the extra words lower the
        // match), so this one goes to the log the answerer writes it to, as the answerer does.
        var tenant = TeamsConversation.DefaultTenantId;
        await Bot.Services.GetRequiredService<UnansweredQuestionLog>().RecordAsync("Hoeveel kost een noodverordening? Bel mij op 06-12345678", tenant, partial: true, TestContext.Current.CancellationToken);

        await using var db = Db();
        var stored = Assert.Single(await db.UnansweredQuestions.ToListAsync(TestContext.Current.CancellationToken));
        Assert.True(stored.Partial);
        Assert.DoesNotContain("12345678", stored.Text + stored.NormalizedText, StringComparison.Ordinal);
        Assert.Equal(["Hoeveel kost een noodverordening? Bel mij op [telefoonnummer]"], await KeptAsync(tenant));
    }

    private async Task AskAsync(TeamsConversation chat, string question) =>
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostActivityAsync(chat.Message(_anna, question))).StatusCode);

    // What beheer vragen lists, read through the same store.
    private async Task<IReadOnlyList<string>> KeptAsync(string tenantId)
    {
        var groups = await Bot.Services.GetRequiredService<UnansweredQuestionLog>().GroupsAsync(tenantId, TestContext.Current.CancellationToken);
        return [.. groups.Select(g => g.Example)];
    }

    private WeerbaarDbContext Db() => Bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
}
