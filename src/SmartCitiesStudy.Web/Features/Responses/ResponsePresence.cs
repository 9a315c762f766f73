using System.Collections.Concurrent;

namespace SmartCitiesStudy.Web.Features.Responses;

/// <summary>
/// Who has a response open right now (on this instance), so officers see who else is in the form. Each open form is
/// one entry; a person with two tabs counts once.
/// </summary>
public sealed class ResponsePresence
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, (string UserId, string Name)>> _open = new();

    /// <summary>Raised with the response id whenever someone arrives or leaves.</summary>
    public event Action<int>? Changed;

    public IDisposable Join(int responseId, string userId, string name)
    {
        var key = Guid.NewGuid();
        _open.GetOrAdd(responseId, _ => new()).TryAdd(key, (userId, name));
        Changed?.Invoke(responseId);
        return new Leave(() =>
        {
            if (_open.TryGetValue(responseId, out var people))
            {
                people.TryRemove(key, out _);
            }

            Changed?.Invoke(responseId);
        });
    }

    /// <summary>The names of the other people who have the response open.</summary>
    public IReadOnlyList<string> Others(int responseId, string userId) =>
        _open.TryGetValue(responseId, out var people)
            ? [.. people.Values.Where(p => p.UserId != userId).Select(p => p.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.CurrentCulture)]
            : [];

    private sealed class Leave(Action leave) : IDisposable
    {
        private Action? _leave = leave;

        public void Dispose() => Interlocked.Exchange(ref _leave, null)?.Invoke();
    }
}
