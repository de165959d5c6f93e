using System.Reflection;

namespace Weerbaar.Tests.Architecture;

/// <summary>
/// The Bot Framework assemblies load completely on the AdaptiveCards placeholder (eng/AdaptiveCards): every type,
/// and the type of every property, resolves. A missing or mismatched dependency shows up here as a load error
/// instead of at a user's first message.
/// </summary>
public sealed class BotFrameworkLoadTests
{
    [Theory]
    [InlineData("Microsoft.Bot.Schema")]
    [InlineData("Microsoft.Bot.Builder")]
    [InlineData("Microsoft.Bot.Connector")]
    [InlineData("Microsoft.Bot.Builder.Integration.AspNet.Core")]
    public void EveryTypeAndPropertyType_Loads(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);

        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            Assert.Fail(string.Join('\n', exception.LoaderExceptions.Select(e => e?.Message)));
            return;
        }

        var failures = new List<string>();
        foreach (var type in types)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                try
                {
                    _ = property.PropertyType.FullName;
                }
                catch (Exception exception) when (exception is TypeLoadException or FileNotFoundException or FileLoadException)
                {
                    failures.Add($"{type.FullName}.{property.Name}: {exception.Message}");
                }
            }
        }

        Assert.NotEmpty(types);
        Assert.Empty(failures);
    }

    [Fact]
    public void AdaptiveCardType_ResolvesFromThePlaceholderWithTheIdentityBotSchemaExpects()
    {
        var schema = Assembly.Load("Microsoft.Bot.Schema");
        var reference = schema.GetReferencedAssemblies().Single(a => a.Name == "AdaptiveCards");

        var loaded = Assembly.Load(reference);

        Assert.Equal(reference.Version, loaded.GetName().Version);
        Assert.Equal(Convert.ToHexString(reference.GetPublicKeyToken()!), Convert.ToHexString(loaded.GetName().GetPublicKeyToken()!));
        Assert.NotNull(loaded.GetType("AdaptiveCards.AdaptiveCard", throwOnError: true));
    }
}
