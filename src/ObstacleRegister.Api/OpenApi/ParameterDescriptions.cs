using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ObstacleRegister.Api.OpenApi;

/// <summary>
/// Describes the parameters the operations share by name (ids, paging, filters), with the bounds the server enforces,
/// where an operation did not describe its own: a generated client's documentation then says what each one does.
/// </summary>
internal static class ParameterDescriptions
{
    private static readonly Dictionary<string, string> ByName = new(StringComparer.Ordinal)
    {
        ["id"] = "The resource's id (a UUID).",
        ["progressId"] = "The check-in's id.",
        ["deliveryId"] = "The delivery's id.",
        ["commentId"] = "The comment's id.",
        ["attachmentId"] = "The attachment's id.",
        ["token"] = "The secret part of the feed's address, as POST /calendar-feeds returned it.",
        ["cursor"] = "Where the page starts: the nextCursor of the page before. Absent: the first page.",
        ["after"] = "The nextCursor last seen; absent to start from the oldest change.",
        ["If-Match"] = "The ETag the change is based on; a stale one is 412 and nothing is written.",
        ["unitId"] = "Only this unit's: the reporting unit of obstacles, the drafting unit of amendments; for reports, the unit reported on.",
        ["draftingUnitId"] = "Only amendments this unit drafts.",
        ["regulationId"] = "Only those tied to this regulation.",
        ["parentId"] = "Only the units under this one.",
        ["guidesId"] = "Only the documents that guide this one.",
        ["status"] = "Only those in this status.",
        ["kind"] = "Only those of this kind.",
        ["type"] = "Only documents of this type.",
        ["category"] = "Only obstacles of this category.",
        ["severity"] = "Only obstacles of this severity.",
        ["q"] = "Words to find, with or without diacritics (đ as d); every word must appear, the last may be a word's start; at most 8 words and 200 characters.",
        ["symbol"] = "The document's symbol, typed either way (ND-CP or NĐ-CP).",
        ["reference"] = "An obstacle's reference, VM-YYYY-NNNNNN.",
        ["reportedFrom"] = "Reported on or after this day (register time).",
        ["reportedTo"] = "Reported on or before this day (register time).",
        ["from"] = "Count obstacles reported from this day (register time, inclusive).",
        ["to"] = "Count obstacles reported up to this day (register time, inclusive).",
        ["on"] = "Any day in the period (default today, register time).",
        ["period"] = "week (ISO week, Monday to Sunday) or month.",
        ["overdue"] = "true: only open work past its due date; false: only work that is not.",
        ["open"] = "true: only work not yet issued, in force or cancelled; false: only work that is.",
        ["stale"] = "true: only open work without a check-in for more than 7 days; false: only work that is not.",
        ["atRisk"] = "true: only open work whose latest forecast puts its 85th-percentile issue date after its due date; false: only work that is not.",
        ["dueBefore"] = "Only work due on or before this day.",
        ["withinDays"] = "How many days ahead count as due soon (0 to 366, default 14).",
        ["weeks"] = "How many past weeks to replay, the last first counted back from today (1 to 104, default 26).",
        ["reviewNeeded"] = "true: only documents with an open review; false: only those without.",
        ["rankBy"] = "open_obstacles (default) or units_affected first.",
        ["lang"] = "vi (default) or en.",
        ["format"] = "xlsx (default) or csv.",
        ["partial"] = "true: import the valid rows and report the others; false (default): one bad row and nothing is imported.",
    };

    public static Task Describe(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        foreach (var (path, item) in document.Paths)
        {
            foreach (var parameter in (item.Operations ?? []).Values.SelectMany(o => o.Parameters ?? []).OfType<OpenApiParameter>())
            {
                if (parameter.Name == "limit")
                {
                    var hotspots = path.EndsWith("/hotspots", StringComparison.Ordinal);
                    parameter.Description ??= hotspots ? "Rows per ranking, 1 to 200 (default 20)." : "Items per page, 1 to 200 (default 50).";
                    if (parameter.Schema is OpenApiSchema schema)
                    {
                        schema.Minimum = "1";
                        schema.Maximum = "200";
                    }
                }
                else if (parameter.Description is null && ByName.TryGetValue(parameter.Name ?? "", out var description))
                {
                    parameter.Description = description;
                }
            }
        }

        return Task.CompletedTask;
    }
}
