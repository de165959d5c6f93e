using System.Text.Json;
using System.Text.Json.Serialization;

namespace Weerbaar.Core.Sessions;

/// <summary>How a <see cref="SessionState"/> is stored: System.Text.Json with enums as names, so rows stay readable.</summary>
public static class SessionStateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new ReadOnlySetConverter() },
    };

    public static string Serialize(SessionState state) => JsonSerializer.Serialize(state, Options);

    public static SessionState Deserialize(string json) =>
        JsonSerializer.Deserialize<SessionState>(json, Options) ?? throw new JsonException("A stored session state is empty.");
}

/// <summary>System.Text.Json writes an <see cref="IReadOnlySet{T}"/> of strings as an array but cannot read one back.</summary>
internal sealed class ReadOnlySetConverter : JsonConverter<IReadOnlySet<string>>
{
    public override IReadOnlySet<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        (JsonSerializer.Deserialize<string[]>(ref reader, options) ?? []).ToHashSet(StringComparer.Ordinal);

    public override void Write(Utf8JsonWriter writer, IReadOnlySet<string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        JsonSerializer.Serialize(writer, value.Order(StringComparer.Ordinal).ToArray(), options);
    }
}
