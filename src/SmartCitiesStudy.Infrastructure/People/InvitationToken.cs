using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SmartCitiesStudy.Infrastructure.People;

/// <summary>
/// The secret in an invitation link: 32 random bytes, base64url. Only its SHA-256 (hex) is stored, so the link
/// cannot be rebuilt from the database.
/// </summary>
public static class InvitationToken
{
    public static (string Token, string Hash) Create()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty)));
}
