using System.Globalization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Weerbaar.Core.Storage;

namespace Weerbaar.Bot.Storage;

/// <summary>
/// Bot Framework <see cref="IStorage"/> over Weerbaar's database, for conversation and user state. The ETag of an
/// item is its row version: a write that carries an older ETag fails with <see cref="StateConflictException"/>,
/// <c>*</c> (or no ETag) overwrites, and deleting a missing key is not an error.
/// </summary>
public sealed class EfBotStorage(StateStore store) : IStorage
{
    private const string ETagProperty = "eTag";
    private const string AnyETag = "*";

    // Type names are kept so state reads back as the types that were written (as MemoryStorage does); the binder
    // only lets known assemblies through, so a tampered row cannot make us instantiate arbitrary types.
    private static readonly JsonSerializerSettings SerializerSettings = new()
    {
        TypeNameHandling = TypeNameHandling.All,
        SerializationBinder = new StateSerializationBinder(),
        MaxDepth = 64,
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(SerializerSettings);

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var stored = await store.ReadAsync(keys, cancellationToken);
        var items = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, state) in stored)
        {
            var item = JsonConvert.DeserializeObject(state.Document, SerializerSettings);
            if (item is not null)
            {
                items[key] = WithETag(item, state.Version.ToString(CultureInfo.InvariantCulture));
            }
        }

        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            var document = JToken.FromObject(value, Serializer);
            if (document is JObject obj)
            {
                // The ETag is the row version, not part of the document.
                obj.Remove(ETagProperty);
                obj.Remove(nameof(IStoreItem.ETag));
            }

            var version = await store.WriteAsync(key, document.ToString(Formatting.None), ConditionFor(ETagOf(value)), cancellationToken);
            WithETag(value, version.ToString(CultureInfo.InvariantCulture));
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            await store.DeleteAsync(key, cancellationToken);
        }
    }

    private static StateWrite ConditionFor(string? etag)
    {
        if (string.IsNullOrEmpty(etag) || etag == AnyETag)
        {
            return StateWrite.Unconditional;
        }

        // An ETag we never issued cannot match any stored version: refuse rather than overwrite.
        return long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? StateWrite.IfVersion(version)
            : throw new StateConflictException("The ETag does not belong to this storage.");
    }

    private static string? ETagOf(object value) => value switch
    {
        IStoreItem item => item.ETag,
        IDictionary<string, object> dictionary => dictionary.TryGetValue(ETagProperty, out var etag) ? etag?.ToString() : null,
        JObject obj => obj.Value<string>(ETagProperty),
        _ => null,
    };

    private static object WithETag(object item, string etag)
    {
        switch (item)
        {
            case IStoreItem storeItem:
                storeItem.ETag = etag;
                break;
            case IDictionary<string, object> dictionary:
                dictionary[ETagProperty] = etag;
                break;
            case JObject obj:
                obj[ETagProperty] = etag;
                break;
        }

        return item;
    }
}
