using System.Globalization;
using Microsoft.AspNetCore.Http;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Errors;

namespace ObstacleRegister.Pages;

/// <summary>
/// A form as the person filled it and, when it was refused, why: the problem's detail and its field errors by the
/// API's field names, so each message stands beside its field and nothing typed is lost.
/// </summary>
public sealed class PageForm
{
    public static readonly PageForm Empty = new(new Dictionary<string, string>(StringComparer.Ordinal));

    private readonly IReadOnlyDictionary<string, string> values;

    private PageForm(IReadOnlyDictionary<string, string> values, string? problem = null, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        this.values = values;
        Problem = problem;
        Errors = errors ?? new Dictionary<string, string[]>(StringComparer.Ordinal);
    }

    /// <summary>Why the form was refused, in the page's language; null when it was not.</summary>
    public string? Problem { get; }

    /// <summary>The refused fields' messages, by field name.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static PageForm Of(IFormCollection form) =>
        new(form.Where(f => !f.Key.StartsWith("__", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal));

    public static PageForm With(params (string Name, string? Value)[] values) =>
        new(values.Where(v => v.Value is not null).ToDictionary(v => v.Name, v => v.Value!, StringComparer.Ordinal));

    public string Value(string name) => values.GetValueOrDefault(name) ?? "";

    /// <summary>The value as given, or null when the field was left empty.</summary>
    public string? Optional(string name) => values.GetValueOrDefault(name) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>A date input's value (<c>yyyy-MM-dd</c>); anything else is null, for the API's rules to call missing.</summary>
    public DateOnly? Day(string name) =>
        DateOnly.TryParseExact(Optional(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>An id chosen in a select or carried in a hidden field; anything else is null.</summary>
    public Guid? Id(string name) => Guid.TryParse(Optional(name), out var id) ? id : null;

    /// <summary>An enumeration value by its wire name (among <paramref name="allowed"/> when given); anything else is null.</summary>
    public TEnum? Choice<TEnum>(string name, IEnumerable<TEnum>? allowed = null)
        where TEnum : struct, Enum =>
        Optional(name) is { } value && (allowed ?? Enum.GetValues<TEnum>()).Where(v => WireNames.OfAny(v) == value).Select(v => (TEnum?)v).FirstOrDefault() is { } chosen
            ? chosen : null;

    public IReadOnlyList<string> ErrorsOf(string name) => Errors.GetValueOrDefault(name) ?? [];

    /// <summary>
    /// The same input, refused: a 400's field errors beside their fields, any other problem's detail above the form; a
    /// 412 says, in a person's words, that the page was out of date.
    /// </summary>
    public PageForm Refused(ProblemException problem) =>
        new(values, problem is PreconditionFailedException ? Say.Text("Staff.Stale") : problem.Message,
            problem is RequestValidationException invalid ? invalid.Errors : null);

    /// <summary>
    /// The id a field's input carries (and its label and messages point at): the name with brackets and dots made
    /// safe, after the form's scope where a page has several forms with the same field names.
    /// </summary>
    public static string FieldId(string name, string? scope = null) =>
        "f-" + (scope is null ? "" : scope + "-") + string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');
}
