using MediatR;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Idempotency;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.Obstacles.Submit;

namespace ObstacleRegister.Obstacles.Import;

/// <summary>A likely duplicate of an imported obstacle.</summary>
/// <param name="Id">The obstacle it may repeat.</param>
/// <param name="Reason">Why: same_provision (cites the same article of the same regulation) or similar_text (its title shares word pairs).</param>
internal sealed record ImportedHint(Guid Id, string Reason);

/// <summary>An obstacle created from a row.</summary>
/// <param name="Row">The row's number as the spreadsheet shows it.</param>
/// <param name="LikelyDuplicates">Obstacles already reported that this one may repeat, found as the intake finds them.</param>
internal sealed record ImportedObstacle(int Row, Guid Id, string Reference, IReadOnlyList<ImportedHint> LikelyDuplicates);

/// <summary>What an import did, row by row.</summary>
/// <param name="Rows">Rows read under the header (blank rows are not counted).</param>
/// <param name="Imported">Obstacles created.</param>
/// <param name="Rejected">Rows left out for their errors.</param>
/// <param name="Partial">Whether the valid rows were imported despite the others (<c>?partial=true</c>).</param>
/// <param name="Created">The obstacles created, by row.</param>
/// <param name="Errors">Why each rejected row was left out; empty unless <c>partial</c>.</param>
internal sealed record ObstacleImportReport(
    int Rows, int Imported, int Rejected, bool Partial, IReadOnlyList<ImportedObstacle> Created, IReadOnlyList<ImportRowError> Errors);

/// <summary>Writes the valid rows of an import, all in one transaction; the rejected ones are only reported.</summary>
internal sealed record ImportObstacles(ImportReading Reading, IReadOnlyList<IReadOnlyList<DuplicateHint>> Hints, bool Partial)
    : IIdempotentCommand<ObstacleImportReport>
{
    public CommandResponse Describe(ObstacleImportReport response) => new(200, null, null, response);
}

internal sealed class ImportObstaclesHandler(ObstacleSubmissions submissions) : IRequestHandler<ImportObstacles, ObstacleImportReport>
{
    public async Task<ObstacleImportReport> Handle(ImportObstacles request, CancellationToken cancellationToken)
    {
        var valid = request.Reading.Valid;
        var rows = await submissions.Write([.. valid.Select((v, i) => (v.Obstacle, request.Hints[i]))], cancellationToken);
        var created = valid.Select((v, i) => new ImportedObstacle(
            v.Row, rows[i].Id, rows[i].Reference, [.. request.Hints[i].Select(h => new ImportedHint(h.CandidateId, h.Reason))])).ToList();

        var reading = request.Reading;
        return new ObstacleImportReport(reading.Rows, created.Count, reading.Rows - valid.Count, request.Partial, created, reading.Errors);
    }
}

/// <summary>Reads an uploaded sheet, finds each valid row's likely duplicates (reads only), then imports or refuses it whole.</summary>
internal static class ObstacleImport
{
    /// <summary>Hints are found on this many connections at once: they only read, and the full-text lookups are the import's costliest part.</summary>
    private static readonly int HintWorkers = Math.Clamp(Environment.ProcessorCount, 1, 4);

    public static async Task<ObstacleImportReport> Run(ImportUpload upload, bool partial, IMediator mediator, IServiceScopeFactory scopes, CancellationToken ct)
    {
        var reading = await ImportRows.Read(ImportSheets.Read(upload.Content), mediator, ct);
        if (reading.Rows == 0)
        {
            throw ImportSheets.Unreadable("Validation.ImportNoRows");
        }

        if (reading.Errors.Count > 0 && !partial)
        {
            throw Rejected(reading);
        }

        var hints = await Hints(reading.Valid, scopes, ct);

        return await mediator.Send(new ImportObstacles(reading, hints, partial), ct);
    }

    /// <summary>
    /// 400 naming every cell to fix: <c>errors</c> keyed <c>rows[3].category</c> like any field error, and <c>rowErrors</c>
    /// with the row, column, header and reason for a person to read.
    /// </summary>
    private static RequestValidationException Rejected(ImportReading reading)
    {
        var errors = reading.Errors.GroupBy(e => $"rows[{e.Row}].{e.Column}")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray(), StringComparer.Ordinal);
        var rejectedRows = reading.Errors.Select(e => e.Row).Distinct().Count();
        var invalid = new RequestValidationException(errors, Say.Text("Problem.Detail.ImportRejected", rejectedRows, reading.Rows, reading.Valid.Count));
        invalid.Extensions["rowErrors"] = reading.Errors;
        return invalid;
    }

    /// <summary>Each valid row's likely duplicates, in the rows' order, looked up in slices on separate read sessions.</summary>
    private static async Task<IReadOnlyList<IReadOnlyList<DuplicateHint>>> Hints(IReadOnlyList<ImportCandidate> valid, IServiceScopeFactory scopes, CancellationToken ct)
    {
        // Task.Run: SQLite's async calls complete synchronously, so without it the slices would run one after the other.
        var slices = valid.Chunk(Math.Max(1, (valid.Count + HintWorkers - 1) / HintWorkers)).Select(slice => Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            return await mediator.Send(new SuggestDuplicatesOfMany([.. slice.Select(v => v.Obstacle)]), ct);
        }, ct));
        return [.. (await Task.WhenAll(slices)).SelectMany(hints => hints)];
    }
}
