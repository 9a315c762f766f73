namespace SmartCitiesStudy.Domain.Common;

/// <summary>
/// An entity several people edit at once. <see cref="Version"/> is the optimistic concurrency token:
/// it is checked and incremented on every save, so a stale write is refused instead of silently winning.
/// </summary>
public interface IHasVersion
{
    int Version { get; set; }
}
