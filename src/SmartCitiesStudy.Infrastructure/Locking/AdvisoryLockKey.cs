using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SmartCitiesStudy.Infrastructure.Locking;

/// <summary>
/// The 64-bit PostgreSQL advisory-lock key for a lock's name: the first 8 bytes of the name's SHA-256 (UTF-8), so
/// every instance, process and version computes the same number (unlike <see cref="string.GetHashCode()"/>, which is
/// randomised per process). Names are prefixed so another application's advisory locks on the same server do not
/// collide with ours by accident.
/// </summary>
internal static class AdvisoryLockKey
{
    private const string Prefix = "SmartCitiesStudy/";

    public static long Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Prefix + name));
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}
