using Weerbaar.Bot.Admin;
using Weerbaar.Bot.Cli;
using Weerbaar.Bot.Conversation;
using Weerbaar.Bot.Generation;
using Weerbaar.Bot.Hosting;
using Weerbaar.Bot.Knowledge;
using Weerbaar.Bot.Questions;
using Weerbaar.Bot.Sessions;
using Weerbaar.Bot.Storage;

if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json lives at the repository root and is copied next to the binaries; reading it from there
    // makes the bot start the same from any working directory.
    ContentRootPath = AppContext.BaseDirectory,
});

builder.Services.AddWeerbaarStorage(builder.Configuration);
builder.Services.AddKnowledge();
builder.Services.AddGeneration(builder.Configuration);
builder.Services.AddConversation();
builder.Services.AddQuestions();
builder.Services.AddSessions();
builder.Services.AddAdmin();
builder.Services.AddBotHosting();
builder.Services.AddOperations(builder.Configuration, builder.Environment);

var app = builder.Build();
app.ReportCallerPolicy();
app.MapMessages();
app.MapSessionReports();
app.MapHealthEndpoints();
app.MapMetrics();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
