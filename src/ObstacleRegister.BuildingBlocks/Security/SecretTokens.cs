using System.Security.Cryptography;
using System.Text;

namespace ObstacleRegister.BuildingBlocks.Security;

/// <summary>
/// Bearer secrets the register hands out once (API keys, calendar addresses): 32 random bytes in base64url, stored
/// only as their SHA-256. A plain hash, not a password hash: the secret has far too much entropy to guess.
/// </summary>
public static class SecretTokens
{
    public static string Random() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
