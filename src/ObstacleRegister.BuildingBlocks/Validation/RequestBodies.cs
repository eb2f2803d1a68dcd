namespace ObstacleRegister.BuildingBlocks.Validation;

/// <summary>
/// The one place a body as the client sent it (every field nullable, so a missing one is a field error in the register's
/// words, not the serializer's) becomes a command's input whose required values are not nullable. Endpoints bind bodies
/// as nullable, so a missing body is the same <c>validation</c> problem on <c>body</c> on every operation.
/// </summary>
public static class RequestBodies
{
    /// <summary>
    /// For an operation that reads its body itself (a merge patch, a file upload): no body at all is the same 400 on
    /// <c>body</c> as everywhere, before its media type is judged.
    /// </summary>
    public static void EnsureSent(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        if (request.ContentType is null && request.ContentLength is null or 0)
        {
            throw Errors.RequestValidationException.For("body", Localization.Say.Text("Validation.BodyRequired"));
        }
    }

    /// <summary>
    /// Runs <paramref name="rules"/>, which add an error for each field at fault and return the valid input when they
    /// found none; throws 400 naming every field otherwise.
    /// </summary>
    public static TValid Check<TBody, TValid>(TBody? body, Func<TBody, ValidationErrors, TValid?> rules)
        where TBody : class
        where TValid : class
    {
        var errors = new ValidationErrors();
        var valid = errors.Body(body) ? rules(body, errors) : null;
        errors.ThrowIfAny();
        return valid ?? throw new InvalidOperationException($"The rules of {typeof(TBody).Name} found no error but gave no input.");
    }

    /// <summary>The one optional text of an optional body (a note): bounded, trimmed, null when the body or the text is absent.</summary>
    public static string? OptionalText(string field, string? value, int maxLength)
    {
        var errors = new ValidationErrors();
        errors.Text(field, value, maxLength, required: false);
        errors.ThrowIfAny();
        return value?.Trim();
    }
}
