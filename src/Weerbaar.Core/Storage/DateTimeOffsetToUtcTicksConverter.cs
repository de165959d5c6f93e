using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Weerbaar.Core.Storage;

/// <summary>Stores a <see cref="DateTimeOffset"/> as UTC ticks, so both providers sort and compare it the same way.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
