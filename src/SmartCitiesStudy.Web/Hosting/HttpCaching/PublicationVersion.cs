using System.Security.Cryptography;
using System.Text;
using SmartCitiesStudy.Application.Features.Publication;

namespace SmartCitiesStudy.Web.Hosting.HttpCaching;

/// <summary>
/// A short hash of every edition's row version (<see cref="ReadPublicationStamp"/>): it changes when any edition is
/// published, reopened or otherwise changed, so it is part of every public ETag. Read once and then kept; the
/// <see cref="Features.Reader.PublicationWatcher"/> refreshes it every few seconds (changes on other instances) and
/// the edition status listener forgets it at once (changes on this one).
/// </summary>
public sealed class PublicationVersion(ReadPublicationStamp readStamp)
{
    private volatile string? _current;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null)
        {
            return current;
        }

        var stamp = await readStamp.ExecuteAsync(cancellationToken);
        Set(stamp);
        return _current!;
    }

    /// <summary>The stamp as just read from the database.</summary>
    public void Set(string stamp) =>
        _current = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stamp)).AsSpan(0, 8));

    /// <summary>An edition changed here: read the stamp again on the next request.</summary>
    public void Forget() => _current = null;
}
