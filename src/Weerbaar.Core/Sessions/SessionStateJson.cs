using System.Text.Json;
using System.Text.Json.Serialization;

namespace Weerbaar.Core.Sessions;

/// <summary>How a <see cref="SessionState"/> is stored: System.Text.Json with enums as names, so rows stay readable.</summary>
public static class SessionStateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(SessionState state) => JsonSerializer.Serialize(state, Options);

    public static SessionState Deserialize(string json) =>
        JsonSerializer.Deserialize<SessionState>(json, Options) ?? throw new JsonException("A stored session state is empty.");
}
