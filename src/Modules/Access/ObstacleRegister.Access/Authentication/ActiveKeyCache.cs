using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ObstacleRegister.Access.ApiKeys;

namespace ObstacleRegister.Access.Authentication;

/// <summary>Bound from <c>Access</c>.</summary>
public sealed class AccessOptions
{
    /// <summary>
    /// How long a key found active is trusted without being looked up again: the bound within which a key
    /// revoked by another instance sharing the database stops working here. Zero looks every key up.
    /// </summary>
    public TimeSpan KeyCacheLifetime { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// The keys found active, so most requests do not look their key up (the lookup was about a quarter of a read's time,
/// bench/README). A key revoked through this instance is forgotten when the revocation commits and fails on the
/// very next request; one revoked elsewhere fails here within <see cref="AccessOptions.KeyCacheLifetime"/>.
/// Unknown and revoked keys are never kept, so guessing cannot fill it.
/// </summary>
internal sealed class ActiveKeyCache(TimeProvider clock, IOptions<AccessOptions> options)
{
    private const int MaxKeys = 10_000;

    private readonly ConcurrentDictionary<string, (ApiKeyRow Key, DateTimeOffset ReadAt)> keys = new(StringComparer.Ordinal);
    private long revocations;

    /// <summary>Taken before a key is read, and given back to <see cref="Remember"/>.</summary>
    public long Revocations => Interlocked.Read(ref revocations);

    public ApiKeyRow? Find(string hash)
    {
        if (!keys.TryGetValue(hash, out var kept))
        {
            return null;
        }

        var age = clock.GetUtcNow() - kept.ReadAt;
        return age >= TimeSpan.Zero && age < options.Value.KeyCacheLifetime ? kept.Key : null;
    }

    public void Remember(string hash, ApiKeyRow key, long revocationsBeforeRead)
    {
        if (options.Value.KeyCacheLifetime <= TimeSpan.Zero)
        {
            return;
        }

        if (keys.Count >= MaxKeys)
        {
            keys.Clear();
        }

        keys[hash] = (key, clock.GetUtcNow());

        // A revocation that committed while the key was being read must not be outlived by what was read before it.
        if (Revocations != revocationsBeforeRead)
        {
            keys.TryRemove(hash, out _);
        }
    }

    public void Forget(Guid keyId)
    {
        Interlocked.Increment(ref revocations);
        foreach (var (hash, kept) in keys)
        {
            if (kept.Key.Id == keyId)
            {
                keys.TryRemove(hash, out _);
            }
        }
    }
}
