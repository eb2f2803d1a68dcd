using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Reports.Site;

namespace ObstacleRegister.Reports.OpenData;

/// <summary>What a column holds, as its data dictionary says.</summary>
public enum DataType
{
    Text,
    WholeNumber,
    Figure,
    Share,
    Date,
    Instant,
    Boolean,
    Identifier,
    Address,
    Code,
}

/// <summary>
/// A column of a published table. Its meaning is the text <c>Data.Column.{name}</c>, its heading <c>Site.Column.{name}</c>
/// where the site shows it; a coded column lists its allowed values, an enumeration's by its labels.
/// </summary>
public sealed record DataColumn(string Name, DataType Type, Type? Values = null, IReadOnlyList<string>? Codes = null);

/// <summary>A table of a dataset, at its CSV address.</summary>
public sealed record PublishedTable(string Name, string Csv, IReadOnlyList<DataColumn> Columns);

/// <summary>
/// A dataset of the catalogue: its text is <c>Data.Dataset.{name}.Title</c> and <c>.Description</c>; its JSON when it
/// has one; its tables. Page datasets are computed at each request (cached up to <c>Public:MaxAgeSeconds</c>), dumps
/// stream the whole register's public rows.
/// </summary>
public sealed record Dataset(string Name, string? Json, IReadOnlyList<PublishedTable> Tables);

/// <summary>Every dataset the register publishes, with the dictionary of every column.</summary>
public static class DataCatalogue
{
    public const string PageName = "data";

    private static DataColumn Text(string name) => new(name, DataType.Text);

    private static DataColumn Whole(string name) => new(name, DataType.WholeNumber);

    private static DataColumn Day(string name) => new(name, DataType.Date);

    private static DataColumn Id(string name) => new(name, DataType.Identifier);

    private static DataColumn Of<TEnum>(string name) where TEnum : struct, Enum => new(name, DataType.Code, typeof(TEnum));

    private static readonly string[] Measures =
    [
        "received", "accepted", "rejected", "resolved", "waiting_for_information", "amendments_opened", "amendments_issued",
        "amendments_in_force", "amendments_overdue", "on_time_rate", "median_days_to_resolution", "amendments_due_done_on_time",
        "amendments_due_done_late", "amendments_due_open_within_deadline", "amendments_due_overdue", "answers_due_done_on_time",
        "answers_due_done_late", "answers_due_open_within_deadline", "answers_due_overdue", "median_days_to_answer",
        "answered_within_deadline", "amendments_at_risk",
    ];

    private static readonly DataColumn[] FourStatuses = [Whole("due_done_on_time"), Whole("due_done_late"), Whole("due_open_within_deadline"), Whole("due_overdue")];

    public static readonly IReadOnlyList<Dataset> Datasets =
    [
        Page(SiteMap.Progress,
            ("comparison", [new("measure", DataType.Code, Codes: Measures), new("this_week", DataType.Figure), new("last_week", DataType.Figure),
                new("this_month", DataType.Figure), new("last_month", DataType.Figure)]),
            ("trend", [Day("week_from"), Day("week_to"), Whole("received"), Whole("resolved"), Whole("in_force"), Whole("overdue")])),
        Page(SiteMap.Responsibility,
            ("amendments", [Text("title"), Text("regulation"), Text("drafting_unit"), Text("responsible_official"), Text("position"), Day("due_on"),
                Of<AmendmentStatus>("stage"), new("at_risk", DataType.Boolean), Whole("days_overdue")]),
            ("scorecards", [Text("unit_code"), Text("unit"), Whole("issued"), new("on_time_rate", DataType.Share), Whole("overdue"), Whole("days_late"),
                Whole("stale"), new("median_days_to_resolution", DataType.Figure), .. FourStatuses]),
            ("answers", [Text("unit_code"), Text("unit"), Whole("answers"), new("median_days_to_answer", DataType.Figure),
                new("answered_within_deadline", DataType.Share)]),
            ("answers_due", FourStatuses)),
        Page(SiteMap.Results,
            ("resolved", [Text("reference"), Text("title"), Text("unit"), Of<ObstacleCategory>("category"), Text("resolved_by"), Day("issued_on"),
                Day("effective_on"), Of<ResultConfirmation>("confirmation")]),
            ("rejected", [Text("reference"), Text("title"), Text("unit"), Of<ObstacleCategory>("category"), Text("answer")])),
        Page(SiteMap.Hotspots,
            ("regulations", [Whole("rank"), Text("symbol"), Text("title"), Whole("open_obstacles"), Whole("units_affected"), Whole("resolved_obstacles"),
                Whole("amendments")]),
            ("provisions", [Whole("rank"), Text("symbol"), Text("provision"), Whole("open_obstacles"), Whole("units_affected"), Whole("resolved_obstacles")])),
        Page(SiteMap.Backlog,
            ("backlog", [Text("guides"), Text("guides_title"), Text("title"), Text("drafting_unit"), Text("responsible_official"), Day("due_on"),
                Of<AmendmentStatus>("stage"), Whole("days_overdue")])),
        Dump(DataDumps.Regulations,
            [Id("id"), Text("symbol"), new("eli", DataType.Address), Of<RegulationType>("type"), Text("title"), Text("issuer"), Day("issued_on"),
                Day("effective_on"), Of<RegulationStatus>("status"), Id("guides_id")]),
        Dump(DataDumps.Amendments,
            [Id("id"), Text("title"), Of<AmendmentKind>("kind"), Of<AmendmentStatus>("stage"), Id("regulation_id"), Text("regulation"),
                Id("drafting_unit_id"), Text("drafting_unit"), Text("responsible_official"), Text("position"), Day("due_on"), Day("original_due_on"),
                Whole("days_overdue"), Whole("total_days_late"), new("at_risk", DataType.Boolean), Id("issued_regulation_id")]),
        Dump(DataDumps.Obstacles,
            [Id("id"), Text("reference"), Id("unit_id"), Text("unit"), Text("title"), Of<ObstacleCategory>("category"), Of<ObstacleStatus>("status"),
                Text("answer"), Id("duplicate_of_id"), new("reported_at", DataType.Instant), new("updated_at", DataType.Instant),
                Of<ResultConfirmation>("confirmation"), Text("provisions")]),
    ];

    public static Dataset Named(string name) => Datasets.Single(d => d.Name == name);

    private static Dataset Page(string page, params (string Table, DataColumn[] Columns)[] tables) =>
        new(page, $"/data/{page}.json", [.. tables.Select(t => new PublishedTable(t.Table, $"/data/{page}/{t.Table}.csv", t.Columns))]);

    private static Dataset Dump(string name, DataColumn[] columns) => new(name, null, [new PublishedTable(name, $"/data/{name}.csv", columns)]);
}
