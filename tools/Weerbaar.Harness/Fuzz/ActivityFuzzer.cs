using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Weerbaar.Harness.Fuzz;

/// <summary>One generated request body for <c>/api/messages</c>, with the kind of damage done to it.</summary>
public sealed record FuzzCase(int Index, string Kind, string Body);

/// <summary>
/// Generates malformed and edge-case activities from a seed, so every failure can be replayed: invalid JSON, wrong
/// types, missing ids, unknown activity types, invokes that make no sense, huge strings, deep nesting, unicode edge
/// cases, card data with stale or foreign session ids, and dialog opens and submits (task/fetch, task/submit) that
/// carry the real dialog names with odd fields. Most cases start from a valid Teams message or card action
/// and break one to three things in it; replies go to <paramref name="serviceUrl"/>.
/// </summary>
public sealed class ActivityFuzzer(int seed, Uri serviceUrl)
{
    private static readonly string[] Kinds = ["invalid-json", "wrong-types", "missing-ids", "unknown-type", "odd-invoke", "huge-strings", "deep-nesting", "unicode", "stale-session", "dialog", "mixed"];

    private static readonly string[] ActivityTypes =
        ["message", "invoke", "event", "conversationUpdate", "installationUpdate", "messageReaction", "typing", "endOfConversation", "trace", "handoff", "command", "messageUpdate", "messageDelete", "suggestion", "", "MESSAGE", "unknownType"];

    private static readonly string[] InvokeNames =
        ["adaptiveCard/action", "message/submitAction", "composeExtension/query", "task/fetch", "task/submit", "signin/verifyState", "fileConsent/invoke", "actionableMessage/executeAction", "config/fetch", "", "adaptiveCard/action/extra", "healthCheck"];

    private static readonly string[] Verbs =
        ["help", "ask", "helpful", "notHelpful", "feedbackComment", "readMore", "sessionStart", "sessionView", "sessionNext", "sessionContribute", "sessionComplete", "sessionAgreement", "sessionReminder", "adminHome", "adminPublish", "adminRollback", "verbThatDoesNotExist", ""];

    private static readonly string[] OddTexts =
        ["\u202Eemordnilap\u202C", "\u200B\u200B\u200B", "e\u0301\u0301\u0301\u0301", "👩‍👩‍👧‍👦🏳️‍🌈", "\uD800", "\uDC00abc", "\0\0nul", "<script>alert(1)</script>", "**bold** [x](javascript:alert(1))", "${$root.secret}", "{{template}}", "' OR 1=1 --", "\r\n\r\n", "ﷺ𒐫𒐫", "\uFEFFbom", "@Weerbaar start sessie", "verwijder mijn gegevens", "beheer", "stop", "volgende"];

    private readonly Random _random = new(seed);

    public IEnumerable<FuzzCase> Cases(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[_random.Next(Kinds.Length)];
            yield return new FuzzCase(i, kind, kind == "invalid-json" ? InvalidJson() : Mutate(kind, BaseActivity()).ToJsonString());
        }
    }

    private JsonObject Mutate(string kind, JsonObject activity)
    {
        switch (kind)
        {
            case "wrong-types": WrongTypes(activity); break;
            case "missing-ids": MissingIds(activity); break;
            case "unknown-type": activity["type"] = Pick(ActivityTypes); break;
            case "odd-invoke": OddInvoke(activity); break;
            case "huge-strings": HugeStrings(activity); break;
            case "deep-nesting": activity[Pick(["value", "channelData", "text", "entities"])] = Nested(_random.Next(20, 400)); break;
            case "unicode": Unicode(activity); break;
            case "stale-session": StaleSession(activity); break;
            case "dialog": Dialog(activity); break;
            default:
                for (var i = _random.Next(2, 4); i > 0; i--)
                {
                    Mutate(Kinds[_random.Next(1, Kinds.Length - 1)], activity);
                }

                break;
        }

        return activity;
    }

    private JsonObject BaseActivity()
    {
        var scope = _random.Next(3);
        var conversationId = scope switch
        {
            0 => $"a:1{Hex(16)}",
            1 => $"19:{Hex(16)}@thread.v2",
            _ => $"19:{Hex(16)}@thread.tacv2",
        };
        var tenant = NewGuid().ToString();
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Hex(12),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl.ToString(),
            ["from"] = new JsonObject { ["id"] = $"29:{Hex(10)}", ["name"] = "Fuzz Gebruiker", ["aadObjectId"] = NewGuid().ToString() },
            ["recipient"] = new JsonObject { ["id"] = "28:weerbaar-fuzz-bot", ["name"] = "Weerbaar" },
            ["conversation"] = new JsonObject
            {
                ["id"] = conversationId,
                ["conversationType"] = scope switch { 0 => "personal", 1 => "groupChat", _ => "channel" },
                ["tenantId"] = tenant,
                ["isGroup"] = scope != 0,
            },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
            ["text"] = Pick(["Wat moet er in een noodpakket?", "help", "start sessie", "verslag", "beheer vragen", "hallo", "stop"]),
            ["locale"] = "nl-NL",
        };
        if (_random.Next(3) == 0)
        {
            activity["type"] = "invoke";
            activity["name"] = "adaptiveCard/action";
            activity.Remove("text");
            activity["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = Pick(Verbs), ["data"] = new JsonObject { ["sessionId"] = NewGuid().ToString() } },
                ["trigger"] = "manual",
            };
        }

        return activity;
    }

    private void WrongTypes(JsonObject activity)
    {
        JsonNode?[] wrong = [123, true, new JsonArray(1, 2), new JsonObject { ["x"] = "y" }, "text", null, -1.5];
        foreach (var field in Sample(["type", "id", "text", "from", "recipient", "conversation", "channelData", "value", "attachments", "entities", "timestamp", "name", "serviceUrl", "replyToId", "locale", "textFormat"], _random.Next(1, 4)))
        {
            activity[field] = wrong[_random.Next(wrong.Length)]?.DeepClone();
        }

        if (_random.Next(2) == 0 && activity["from"] is JsonObject from)
        {
            from["id"] = wrong[_random.Next(wrong.Length)]?.DeepClone();
        }
    }

    private void MissingIds(JsonObject activity)
    {
        foreach (var path in Sample(["id", "from", "from.id", "recipient", "recipient.id", "conversation", "conversation.id", "channelId", "serviceUrl", "type", "channelData.tenant", "conversation.tenantId"], _random.Next(1, 3)))
        {
            var parts = path.Split('.');
            var owner = parts.Length == 1 ? activity : activity[parts[0]] as JsonObject;
            owner?.Remove(parts[^1]);
        }

        if (_random.Next(4) == 0)
        {
            activity["serviceUrl"] = Pick(["not a url", "ftp://example.org/", "http://", "//relative", "https://[::1"]);
        }
    }

    private void OddInvoke(JsonObject activity)
    {
        activity["type"] = "invoke";
        activity["name"] = _random.Next(4) == 0 ? Hex(8) : Pick(InvokeNames);
        activity["value"] = _random.Next(7) switch
        {
            0 => null,
            1 => "just text",
            2 => new JsonArray("a", 1),
            3 => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Submit", ["verb"] = Pick(Verbs) } },
            4 => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = 42, ["data"] = "x" } },
            5 => new JsonObject { ["actionName"] = "feedback", ["actionValue"] = new JsonObject { ["reaction"] = Pick(["like", "dislike", "love", ""]), ["feedback"] = Pick(["{\"feedbackText\":\"x\"}", "{not json", "", "tekst"]) } },
            _ => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = Pick(Verbs), ["data"] = RandomData() } },
        };
    }

    private void HugeStrings(JsonObject activity)
    {
        var size = _random.Next(10_000, 200_000);
        var piece = Pick(["a", "é", "😀", " ", "\n", "<b>"]);
        var huge = string.Concat(Enumerable.Repeat(piece, size / piece.Length));
        var field = Pick(["text", "from.name", "conversation.id", "id", "locale", "value.action.data.answer_0"]);
        var parts = field.Split('.');
        JsonObject owner = activity;
        foreach (var part in parts[..^1])
        {
            if (owner[part] is not JsonObject next)
            {
                next = [];
                owner[part] = next;
            }

            owner = next;
        }

        owner[parts[^1]] = huge;
    }

    private void Unicode(JsonObject activity)
    {
        activity["text"] = string.Concat(Sample(OddTexts, _random.Next(1, 4)));
        if (_random.Next(2) == 0 && activity["from"] is JsonObject from)
        {
            from["name"] = Pick(OddTexts);
        }

        if (_random.Next(3) == 0 && activity["conversation"] is JsonObject conversation)
        {
            conversation["id"] = "19:" + Pick(OddTexts) + "@thread.v2";
        }
    }

    private void StaleSession(JsonObject activity)
    {
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity.Remove("text");
        var data = RandomData();
        data["sessionId"] = Pick([NewGuid().ToString(), Guid.Empty.ToString(), "not-a-guid", "", "../../etc/passwd"]);
        data["step"] = Pick<JsonNode?>([0, -1, 999, "2", null]);
        data["token"] = Hex(16);
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = Pick(Verbs.Where(v => v.StartsWith("session", StringComparison.Ordinal)).ToArray()), ["data"] = data } };
    }

    private static readonly string[] DialogNames = ["sessionContribute", "sessionAgreement", "sessionSetup", "sessionContributeX", "SESSIONCONTRIBUTE", ""];

    private static readonly string[] DialogOps = ["add", "edit", "withdraw", "form", "close", "", "ADD", "delete", "../op"];

    private void Dialog(JsonObject activity)
    {
        activity["type"] = "invoke";
        activity["name"] = Pick(["task/fetch", "task/submit"]);
        activity.Remove("text");
        activity["value"] = new JsonObject { ["data"] = DialogData(), ["context"] = new JsonObject { ["theme"] = Pick(["default", "dark", "contrast"]) } };
    }

    /// <summary>
    /// The data of a dialog button or dialog card as Teams sends it: a real dialog name with the fields the gesprekstool's
    /// dialogs read (session, step, op, card token, contribution, inputs), each random, odd, of the wrong type or left out.
    /// </summary>
    public JsonObject DialogData()
    {
        var data = new JsonObject
        {
            ["msteams"] = new JsonObject { ["type"] = "task/fetch" },
            ["dialog"] = Pick(DialogNames),
        };
        JsonNode? Odd() => _random.Next(6) switch
        {
            0 => Pick(OddTexts),
            1 => _random.Next(-5, 1000),
            2 => new JsonArray("a"),
            3 => null,
            4 => NewGuid().ToString(),
            _ => string.Empty,
        };
        var fields = new (string Name, Func<JsonNode?> Value)[]
        {
            ("sessionId", () => _random.Next(3) == 0 ? Odd() : NewGuid().ToString()),
            ("step", () => _random.Next(2) == 0 ? Pick(["opening", "waarom", "afspraken", "bestaat-niet"]) : Odd()),
            ("op", () => _random.Next(3) == 0 ? Odd() : Pick(DialogOps)),
            ("card", () => _random.Next(3) == 0 ? Odd() : Hex(16)),
            ("contribution", () => _random.Next(2) == 0 ? NewGuid().ToString() : Odd()),
            ("contributionQuestion", () => _random.Next(2) == 0 ? Pick(["beeld", "herkennen", "afhankelijk"]) : Odd()),
            ("contributionText", () => _random.Next(4) == 0 ? new string('x', _random.Next(990, 1100)) : Odd()),
            ("edit_" + NewGuid().ToString("N"), Odd),
            ("agreementWhat", Odd),
            ("agreementOwner", Odd),
            ("agreementDue", () => _random.Next(2) == 0 ? Pick(["2020-01-01", "2099-12-31", "9999-99-99", "31-12-2030", "morgen", "2030-02-30"]) : Odd()),
        };
        foreach (var (name, value) in fields)
        {
            if (_random.Next(5) != 0)
            {
                data[name] = value();
            }
        }

        return data;
    }

    private JsonObject RandomData()
    {
        var data = new JsonObject();
        foreach (var key in Sample(["sessionId", "articleId", "question", "token", "version", "section", "step", "item", "kind", "weeks", "comment", "answer_0", "query", "normalized", "organisation", "steps", "minutes"], _random.Next(0, 6)))
        {
            data[key] = _random.Next(5) switch
            {
                0 => _random.Next(-5, 1000),
                1 => Pick(OddTexts),
                2 => new JsonArray(),
                3 => NewGuid().ToString(),
                _ => "noodpakket",
            };
        }

        return data;
    }

    private string InvalidJson() => _random.Next(8) switch
    {
        0 => string.Empty,
        1 => "{\"type\":\"message\",\"text\":\"afgebroken",
        2 => "null",
        3 => "[{\"type\":\"message\"}]",
        4 => "42",
        5 => Encoding.Latin1.GetString([.. Enumerable.Range(0, _random.Next(1, 200)).Select(_ => (byte)_random.Next(256))]),
        6 => "{\"type\":\"message\",\"type\":\"invoke\",}",
        _ => "\uFEFF{'single':'quotes'}",
    };

    private static JsonNode Nested(int depth)
    {
        JsonNode node = "bodem";
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["n"] = node };
        }

        return node;
    }

    // From the seeded generator, so a failing case replays exactly.
    private Guid NewGuid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private List<string> Sample(string[] items, int count) => [.. items.OrderBy(_ => _random.Next()).Take(count)];

    private string Hex(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => "0123456789abcdef"[_random.Next(16)]));
}
