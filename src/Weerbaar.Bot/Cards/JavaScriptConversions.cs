using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Weerbaar.Bot.Cards;

/// <summary>The JavaScript conversions the official engine applies to bound values.</summary>
internal static class JavaScriptConversions
{
    /// <summary>JavaScript's <c>Number.EPSILON</c>, which Adaptive Expressions uses to compare numbers.</summary>
    public const double Epsilon = 2.220446049250313e-16;

    public static bool IsTruthy(JsonNode? value) => value is not null && value.GetValueKind() switch
    {
        JsonValueKind.Null or JsonValueKind.False => false,
        JsonValueKind.String => value.GetValue<string>().Length > 0,
        JsonValueKind.Number => ToNumber(value) is not (0 or double.NaN),
        _ => true,
    };

    public static double ToNumber(JsonNode number) => double.Parse(number.ToJsonString(), CultureInfo.InvariantCulture);

    /// <summary>
    /// A bound value inside a longer text, as JavaScript's <c>toString</c> writes it: objects become
    /// "[object Object]" and arrays their items joined by commas. The official engine throws on null there;
    /// we write nothing instead, so a card still renders.
    /// </summary>
    public static string ToText(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonObject => "[object Object]",
        JsonArray items => string.Join(',', items.Select(ToText)),
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => NumberToText(ToNumber(value)),
        },
    };

    // ECMAScript's Number::toString: the shortest round-trip digits, written out in full from 1e-7 up to 1e21
    // and in exponent form ("1e+21", "1e-7") outside that range.
    private static string NumberToText(double number)
    {
        if (number == 0)
        {
            return "0";
        }

        var shortest = Math.Abs(number).ToString("R", CultureInfo.InvariantCulture).Split('E');
        var exponent = shortest.Length > 1 ? int.Parse(shortest[1], CultureInfo.InvariantCulture) : 0;
        var whole = shortest[0].Split('.')[0];
        var allDigits = shortest[0].Replace(".", string.Empty, StringComparison.Ordinal);
        var leadingZeros = allDigits.Length - allDigits.TrimStart('0').Length;
        var digits = allDigits.Trim('0');
        var point = whole.Length + exponent - leadingZeros;

        var text = point switch
        {
            _ when digits.Length <= point && point <= 21 => digits + new string('0', point - digits.Length),
            > 0 and <= 21 => digits[..point] + "." + digits[point..],
            > -6 and <= 0 => "0." + new string('0', -point) + digits,
            _ => (digits.Length == 1 ? digits : digits[0] + "." + digits[1..])
                + "e" + (point - 1 >= 0 ? "+" : "-") + Math.Abs(point - 1).ToString(CultureInfo.InvariantCulture),
        };
        return number < 0 ? "-" + text : text;
    }
}
