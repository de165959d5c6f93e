using System.Text.Json;
using System.Text.Json.Serialization;

namespace Weerbaar.Core.Sessions;

/// <summary>
/// How a <see cref="SessionState"/> (and a <see cref="SessionDecision"/> kept for a repeated card action) is stored:
/// System.Text.Json with enums as names, so rows stay readable.
/// </summary>
public static class SessionStateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new ReadOnlySetConverter() },
    };

    public static string Serialize(SessionState state) => JsonSerializer.Serialize(state, Options);

    public static SessionState Deserialize(string json) =>
        JsonSerializer.Deserialize<SessionState>(json, Options) ?? throw new JsonException("A stored session state is empty.");

    public static string SerializeDecision(SessionDecision decision) => JsonSerializer.Serialize(decision, Options);

    public static SessionDecision DeserializeDecision(string json) =>
        JsonSerializer.Deserialize<SessionDecision>(json, Options) ?? throw new JsonException("A stored session decision is empty.");
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
