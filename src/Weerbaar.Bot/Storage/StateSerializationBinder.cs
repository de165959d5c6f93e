using Newtonsoft.Json.Serialization;

namespace Weerbaar.Bot.Storage;

/// <summary>
/// Resolves the type names stored with bot state, but only for assemblies that hold state types: our own, the
/// Bot Framework's, Newtonsoft's and the core library's collections and primitives.
/// </summary>
internal sealed class StateSerializationBinder : ISerializationBinder
{
    private static readonly string[] AllowedAssemblyPrefixes =
    [
        "Weerbaar.",
        "Microsoft.Bot.",
        "Newtonsoft.Json",
        "System.Private.CoreLib",
        "System.Collections",
        "mscorlib",
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
        return AllowedAssemblyPrefixes.Any(prefix => assembly.StartsWith(prefix, StringComparison.Ordinal))
            && type.GenericTypeArguments.All(IsAllowed);
    }
}
