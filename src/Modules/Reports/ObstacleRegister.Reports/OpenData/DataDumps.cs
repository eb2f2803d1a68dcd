using System.Globalization;
using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Reports.Public;

namespace ObstacleRegister.Reports.OpenData;

/// <summary>
/// The full dumps of the public rows: read a page at a time by key and written out before the next page is read, so
/// a dump of a million obstacles holds one page in memory. Each page is read as committed when it is read; a row
/// changed while the dump runs appears as it was when its page was read.
/// </summary>
internal static class DataDumps
{
    public const string Regulations = "regulations";
    public const string Amendments = "amendments";
    public const string Obstacles = "obstacles";

    public static IReadOnlyList<string> Header(string name) => [.. DataCatalogue.Named(name).Tables[0].Columns.Select(c => c.Name)];

    public static CsvDownload.NextPage Of(string name, IMediator mediator, string baseUrl) => name switch
    {
        Regulations => (cursor, ct) => RegulationRows(mediator, baseUrl, cursor, ct),
        Amendments => (cursor, ct) => AmendmentRows(mediator, cursor, ct),
        _ => (cursor, ct) => ObstacleRows(mediator, cursor, ct),
    };

    private static async Task<(IReadOnlyList<IReadOnlyList<string?>>, string?)> RegulationRows(IMediator mediator, string baseUrl, string? cursor, CancellationToken ct)
    {
        var rows = await mediator.Send(new ReadRegulations(cursor is null ? null : Guid.Parse(cursor), CsvDownload.PageSize), ct);
        return ([.. rows.Select(r => (IReadOnlyList<string?>)[
            r.Id.ToString(), r.Symbol, baseUrl + Eli.PathOf(r), WireNames.Of(r.Type), r.Title, r.Issuer, CsvDownload.Day(r.IssuedOn),
            r.EffectiveOn is { } on ? CsvDownload.Day(on) : null, WireNames.Of(r.Status), r.GuidesId?.ToString()])],
            rows.Count < CsvDownload.PageSize ? null : rows[^1].Id.ToString());
    }

    private static async Task<(IReadOnlyList<IReadOnlyList<string?>>, string?)> AmendmentRows(IMediator mediator, string? cursor, CancellationToken ct)
    {
        var page = await mediator.Send(new ListPublicAmendments(null, null, null, CsvDownload.PageSize, cursor), ct);
        var regulations = (await mediator.Send(new GetRegulations([.. page.Items.Select(a => a.RegulationId).Distinct()]), ct)).ToDictionary(r => r.Id);
        var units = await Names.Units(mediator, page.Items.Select(a => a.DraftingUnitId), ct);
        return ([.. page.Items.Select(a => (IReadOnlyList<string?>)[
            a.Id.ToString(), a.Title, WireNames.Of(a.Kind), WireNames.Of(a.Status), a.RegulationId.ToString(), regulations.GetValueOrDefault(a.RegulationId)?.Symbol,
            a.DraftingUnitId.ToString(), units.GetValueOrDefault(a.DraftingUnitId)?.Name, a.OfficialName, a.OfficialPosition, CsvDownload.Day(a.DueOn),
            CsvDownload.Day(a.OriginalDueOn), Number(a.DaysOverdue), Number(a.TotalDaysLate), a.AtRisk ? "true" : "false", a.IssuedRegulationId?.ToString()])],
            page.NextCursor);
    }

    private static async Task<(IReadOnlyList<IReadOnlyList<string?>>, string?)> ObstacleRows(IMediator mediator, string? cursor, CancellationToken ct)
    {
        var rows = await mediator.Send(new ReadPublicObstacles(cursor is null ? 0 : long.Parse(cursor, CultureInfo.InvariantCulture), CsvDownload.PageSize), ct);
        var regulations = (await mediator.Send(new GetRegulations([.. rows.SelectMany(o => o.Citations.Select(c => c.RegulationId)).Distinct()]), ct))
            .ToDictionary(r => r.Id);
        var units = await Names.Units(mediator, rows.Select(o => o.UnitId), ct);
        return ([.. rows.Select(o => (IReadOnlyList<string?>)[
            o.Id.ToString(), o.Reference, o.UnitId.ToString(), units.GetValueOrDefault(o.UnitId)?.Name, o.Title, WireNames.Of(o.Category),
            WireNames.Of(o.Status), o.Answer, o.DuplicateOfId?.ToString(), CsvDownload.Instant(o.ReportedAt), CsvDownload.Instant(o.UpdatedAt),
            o.Confirmation is { } c ? WireNames.Of(c) : null,
            string.Join("; ", o.Citations.Select(c => $"{regulations.GetValueOrDefault(c.RegulationId)?.Symbol} {c.Provision}".Trim()))])],
            rows.Count < CsvDownload.PageSize ? null : rows[^1].Seq.ToString(CultureInfo.InvariantCulture));
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
