using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace SmartCitiesStudy.Testing;

/// <summary>
/// The six-digit code an authenticator app shows (RFC 6238: HMAC-SHA1 over the number of 30-second steps since
/// 1970, key in base32), so tests can sign in with two-factor as a person with a phone would.
/// </summary>
public static class Totp
{
    /// <summary>The code for <paramref name="base32Key"/> (spaces and case ignored) at <paramref name="at"/>.</summary>
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1.
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff;
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue; // spaces and padding
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
