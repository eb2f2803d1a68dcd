using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.BuildingBlocks.Errors;

/// <summary>
/// A failure the client can act on, carried to the HTTP edge and written there as an RFC 9457 problem.
/// <see cref="Type"/> is a stable identifier integrators may branch on.
/// </summary>
public class ProblemException(int status, string type, string title, string detail, Exception? innerException = null)
    : Exception(detail, innerException)
{
    public int Status { get; } = status;

    public string Type { get; } = type;

    public string Title { get; } = title;

    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>When set, the answer carries <c>Retry-After</c> with these seconds: the client may try again then.</summary>
    public int? RetryAfterSeconds { get; init; }
}

/// <summary>Stable problem type identifiers, documented in docs/api-guide.md.</summary>
public static class ProblemTypes
{
    /// <summary>What every register problem type starts with; the rest names the kind (<c>validation</c>).</summary>
    public const string Prefix = "urn:obstacle-register:problem:";
    public const string Validation = Prefix + "validation";
    public const string NotFound = Prefix + "not-found";
    public const string Conflict = Prefix + "conflict";
    public const string DuplicateSymbol = Prefix + "duplicate-symbol";
    public const string DuplicateCode = Prefix + "duplicate-code";
    public const string IllegalTransition = Prefix + "illegal-transition";
    public const string PreconditionFailed = Prefix + "precondition-failed";
    public const string Unauthorized = Prefix + "unauthorized";
    public const string Forbidden = Prefix + "forbidden";
    public const string PayloadTooLarge = Prefix + "payload-too-large";
    public const string MalformedRequest = Prefix + "malformed-request";
    public const string IdempotencyKeyReused = Prefix + "idempotency-key-reused";
    public const string IdempotencyKeyInProgress = Prefix + "idempotency-key-in-progress";
    public const string TooManyRequests = Prefix + "too-many-requests";
    public const string DatabaseBusy = Prefix + "database-busy";
    public const string StorageUnavailable = Prefix + "storage-unavailable";
    public const string UriTooLong = Prefix + "uri-too-long";
    public const string HeadersTooLarge = Prefix + "headers-too-large";
    public const string NotAcceptable = Prefix + "not-acceptable";
    public const string MethodNotAllowed = Prefix + "method-not-allowed";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string Internal = Prefix + "internal";
}

public sealed class NotFoundException(string resource, object id)
    : ProblemException(404, ProblemTypes.NotFound, "Not found", Localization.Say.NoSuch(resource, id));

public sealed class ConflictException(string type, string title, string detail)
    : ProblemException(409, type, title, detail);

public static class IllegalTransition
{
    /// <summary>409 for a move the life cycle forbids, naming both states so a client can tell what happened meanwhile.</summary>
    public static ConflictException Of(string detail, string currentStatus, string requestedStatus)
    {
        var problem = new ConflictException(ProblemTypes.IllegalTransition, "Illegal transition", detail);
        problem.Extensions["currentStatus"] = currentStatus;
        problem.Extensions["requestedStatus"] = requestedStatus;
        return problem;
    }
}

public sealed class ForbiddenException(string detail)
    : ProblemException(403, ProblemTypes.Forbidden, "Forbidden", detail);

public sealed class PreconditionFailedException(long currentVersion)
    : ProblemException(412, ProblemTypes.PreconditionFailed, "Precondition failed", Localization.Say.Text("Problem.Detail.Stale"))
{
    public long CurrentVersion { get; } = currentVersion;
}

/// <summary>Field errors, keyed by the camelCase path of the field (<c>regulations[0].provision</c>).</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors, string? detail = null)
    : ProblemException(400, ProblemTypes.Validation, "One or more fields are invalid", detail ?? Localization.Say.Text("Problem.Detail.SeeErrors"))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>The detail was written for this failure, rather than the general "see errors".</summary>
    public bool HasOwnDetail { get; } = detail is not null;

    public static RequestValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>406: the caller accepts only a representation this operation does not offer.</summary>
public sealed class NotAcceptableException(string detail) : ProblemException(406, ProblemTypes.NotAcceptable, "Not acceptable", detail);

/// <summary>
/// 503: the database could not be written in time (its write lock is held, or it timed out). Nothing was written;
/// the client may retry the same request after <see cref="RetryAfter"/> seconds.
/// </summary>
public sealed class DatabaseBusyException : ProblemException
{
    public const int RetryAfter = 2;

    public DatabaseBusyException(Exception? cause = null)
        : base(503, ProblemTypes.DatabaseBusy, "Database busy", Localization.Say.Text("Problem.Detail.DatabaseBusy"), cause) => RetryAfterSeconds = RetryAfter;

    /// <summary>Whether an exception from a driver means "busy or timed out", not "wrong".</summary>
    public static bool IsBusy(Exception exception) => exception switch
    {
        // SQLITE_BUSY and SQLITE_LOCKED: another connection holds the lock past the busy timeout.
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,
        // -2: command timeout; 1222: lock request timed out (SET LOCK_TIMEOUT); 1205: chosen as a deadlock victim.
        Microsoft.Data.SqlClient.SqlException sql => sql.Errors.Cast<Microsoft.Data.SqlClient.SqlError>().Any(e => e.Number is -2 or 1222 or 1205),
        _ => false,
    };
}

/// <summary>
/// 503: the storage under the database cannot take the request (full, read-only, unreachable, failing). Nothing was
/// written; the same request succeeds once the operator has mended the storage. <c>fault</c> names which.
/// </summary>
public sealed class StorageUnavailableException : ProblemException
{
    /// <summary>Storage is mended by a person, not in a moment: a client that retries sooner only adds load.</summary>
    public const int RetryAfter = 30;

    public StorageUnavailableException(StorageFault fault, Exception? cause = null)
        : base(503, ProblemTypes.StorageUnavailable, "Storage unavailable", Localization.Say.Text("Problem.Detail.Storage." + fault.WireName()), cause)
    {
        Fault = fault;
        RetryAfterSeconds = RetryAfter;
        Extensions["fault"] = fault.WireName();
    }

    public StorageFault Fault { get; }
}
