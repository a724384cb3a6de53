using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LicenceGuard.Core.Document;

/// <summary>
/// Enums as the compliance manifest has always spelt them ("pass", "not-pinned", "inside-or-not-sensitive").
/// System.Text.Json 8, which the MSBuild task on .NET Framework loads beside MSBuild's own copy, has no per-member names.
/// An unknown value is a <see cref="JsonException"/>, which readers report as an unreadable manifest.
/// </summary>
public sealed class KebabCaseEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Names = new();
    private static readonly Dictionary<string, TEnum> Values = new(StringComparer.Ordinal);

    static KebabCaseEnumConverter()
    {
        foreach (TEnum value in Enum.GetValues(typeof(TEnum)))
        {
            var name = KebabCase(value.ToString());
            Names[value] = name;
            Values[name] = value;
        }
    }

    public static string NameOf(TEnum value) => Names[value];

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text != null && Values.TryGetValue(text, out var value)) return value;
        var found = text != null ? $"'{text}'" : KindOf(reader.TokenType);
        throw new JsonException($"{found} is not a {typeof(TEnum).Name} value (expected {string.Join(", ", Values.Keys)})");
    }

    private static string KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => "null",
    };

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(Names[value]);

    private static string KebabCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
