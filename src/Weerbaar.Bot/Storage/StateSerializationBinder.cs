using Newtonsoft.Json.Serialization;

namespace Weerbaar.Bot.Storage;

/// <summary>
/// Resolves the type names stored with bot state, but only for types state may hold: our own, the Bot Framework's,
/// Newtonsoft's JSON tokens, and from the core library only primitives and generic collections. Anything else
/// (a file, a process, a delegate) is refused, so a tampered row cannot make us instantiate it.
/// </summary>
internal sealed class StateSerializationBinder : ISerializationBinder
{
    private static readonly string[] AllowedAssemblyPrefixes = ["Weerbaar.", "Microsoft.Bot.", "Newtonsoft.Json"];

    private static readonly HashSet<string> AllowedSystemNamespaces = new(StringComparer.Ordinal)
    {
        "System.Collections.Generic",
        "System.Collections.ObjectModel",
    };

    private static readonly HashSet<Type> AllowedSystemTypes =
    [
        typeof(object), typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan),
        typeof(Guid), typeof(Uri), typeof(Nullable<>),
    ];

    private readonly DefaultSerializationBinder _inner = new();

    public Type BindToType(string? assemblyName, string typeName)
    {
        var type = _inner.BindToType(assemblyName, typeName);
        return IsAllowed(type)
            ? type
            : throw new Newtonsoft.Json.JsonSerializationException("A stored state item names a type that state may not hold.");
    }

    public void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
        => _inner.BindToName(serializedType, out assemblyName, out typeName);

    private static bool IsAllowed(Type type)
    {
        if (type.IsArray)
        {
            return IsAllowed(type.GetElementType()!);
        }

        var assembly = type.Assembly.GetName().Name ?? string.Empty;
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        var allowed = AllowedAssemblyPrefixes.Any(prefix => assembly.StartsWith(prefix, StringComparison.Ordinal))
            || type.IsPrimitive
            || type.IsEnum
            || AllowedSystemTypes.Contains(definition)
            || (definition.Namespace is string ns && AllowedSystemNamespaces.Contains(ns));
        return allowed && type.GenericTypeArguments.All(IsAllowed);
    }
}
