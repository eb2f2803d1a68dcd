namespace ObstacleRegister.BuildingBlocks.Validation;

/// <summary>
/// A check that must wait on something outside the database (a name resolution): it runs before the transaction
/// opens, so no write lock is ever held across network I/O. Bodies are checked where they are bound, into commands
/// (ADR 0027); this is for what binding cannot know. Errors are keyed by camelCase field path.
/// </summary>
public interface IAsyncValidator<in TRequest>
{
    Task ValidateAsync(TRequest request, ValidationErrors errors, CancellationToken ct);
}

/// <summary>Field errors gathered for one request, reported together as one 400.</summary>
public sealed class ValidationErrors(Func<string, string>? nameOf = null)
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    /// <summary>What a message calls a field: its JSON name, or what the reader knows it as (a spreadsheet's column header).</summary>
    public string NameOf(string field) => nameOf?.Invoke(field) ?? field;

    public bool Any => errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Requires a JSON body; false, with an error on <c>body</c>, when there is none, so the caller stops there.</summary>
    public bool Body<TBody>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] TBody? body)
        where TBody : class
    {
        if (body is null)
        {
            Add("body", Localization.Say.Text("Validation.BodyRequired"));
        }

        return body is not null;
    }

    /// <summary>Requires a value; returns false when it is missing so the caller can skip further checks.</summary>
    public bool Required<T>(string field, T? value)
    {
        var present = value switch
        {
            null => false,
            string text => !string.IsNullOrWhiteSpace(text),
            _ => true,
        };
        if (!present)
        {
            Add(field, Localization.Say.Text("Validation.Required", NameOf(field)));
        }

        return present;
    }

    public const int MaxEmail = 254;

    /// <summary>An optional e-mail address: one mailbox, at most 254 characters, without a display name.</summary>
    public void Email(string field, string? value)
    {
        if (value is null)
        {
            return;
        }

        var trimmed = value.Trim();
        if (trimmed.Length is 0 or > MaxEmail || !System.Net.Mail.MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed
            || address.Host.IndexOf('.', StringComparison.Ordinal) < 1)
        {
            Add(field, Localization.Say.Text("Validation.Email", NameOf(field), MaxEmail));
        }
    }

    /// <summary>A required text of bounded length, counted in characters after trimming.</summary>
    public void Text(string field, string? value, int maxLength, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Required(field, value);
            }

            return;
        }

        var length = value.Trim().Length;
        if (length == 0 && required)
        {
            Add(field, Localization.Say.Text("Validation.Empty", NameOf(field)));
        }
        else if (length > maxLength)
        {
            Add(field, Localization.Say.Text("Validation.TooLong", NameOf(field), maxLength, length));
        }
    }

    /// <summary>Rejects a value not defined by the enum (a cast integer, for example); true when it is absent or defined.</summary>
    public bool Defined<TEnum>(string field, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v))
        {
            Add(field, Localization.Say.Text("Validation.UnknownValue", NameOf(field)));
            return false;
        }

        return true;
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new Errors.RequestValidationException(ToDictionary());
        }
    }
}
