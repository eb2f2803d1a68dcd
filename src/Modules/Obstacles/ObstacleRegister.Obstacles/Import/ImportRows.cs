using System.Globalization;
using MediatR;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.Submit;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Obstacles.Import;

/// <summary>A row the intake's rules accepted, with its number in the sheet.</summary>
internal sealed record ImportCandidate(int Row, NewObstacle Obstacle);

/// <summary>What is wrong with one cell of a row: the row's number, the column's key and header, and why.</summary>
/// <param name="Row">The row's number as the spreadsheet shows it (the header is row 1).</param>
/// <param name="Column">The column's key: title, category, regulation_2…</param>
/// <param name="Header">The column's header in the answer's language.</param>
/// <param name="Reason">What to fix, in the answer's language.</param>
internal sealed record ImportRowError(int Row, string Column, string Header, string Reason);

/// <summary>A sheet's rows read through the intake's rules: those that pass and the errors of those that do not.</summary>
internal sealed record ImportReading(int Rows, IReadOnlyList<ImportCandidate> Valid, IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// Reads each row of a sheet as <c>POST /api/v1/obstacles</c> would read its body: the same rules, with the regulations
/// named by symbol (typed with or without diacritics) instead of by id, and the choices by value or by label.
/// </summary>
internal static class ImportRows
{
    public static async Task<ImportReading> Read(ImportSheet sheet, IMediator mediator, CancellationToken ct)
    {
        var columns = Columns(sheet.Headers);
        var symbolColumns = columns.Where(c => c.Value.Key.StartsWith("regulation_", StringComparison.Ordinal)).Select(c => c.Key).ToList();
        var typed = sheet.Rows.SelectMany(r => symbolColumns.Select(i => Cell(r, i))).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var regulations = await mediator.Send(new FindRegulationsBySymbols(typed), ct);

        var valid = new List<ImportCandidate>();
        var errors = new List<ImportRowError>();
        var byKey = columns.ToDictionary(c => c.Value.Key, c => c.Key, StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var (obstacle, rowErrors) = new RowReading(row, columns, byKey, regulations).Read();
            errors.AddRange(rowErrors);
            if (obstacle is not null)
            {
                valid.Add(new ImportCandidate(row.Number, obstacle));
            }
        }

        return new ImportReading(sheet.Rows.Count, valid, errors);
    }

    /// <summary>The cell's text, or null when it holds nothing; a symbol or choice is compared trimmed.</summary>
    private static string? Cell(ImportSheetRow row, int index) =>
        index < row.Cells.Count && !string.IsNullOrWhiteSpace(row.Cells[index]) ? row.Cells[index]!.Trim() : null;

    /// <summary>The column of each header; a header the import does not know, a repeated one or a missing one stops the whole file.</summary>
    private static Dictionary<int, ImportColumn> Columns(IReadOnlyList<string?> headers)
    {
        var columns = new Dictionary<int, ImportColumn>();
        var problems = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(headers[i]))
            {
                continue;
            }

            if (ImportColumns.Recognize(headers[i]!) is not { } column)
            {
                problems.Add(Say.Text("Validation.ImportUnknownColumn", headers[i]!.Trim()));
            }
            else if (columns.Values.Any(c => c.Key == column.Key))
            {
                problems.Add(Say.Text("Validation.ImportRepeatedColumn", headers[i]!.Trim()));
            }
            else
            {
                columns[i] = column;
            }
        }

        var missing = ImportColumns.Required.Where(r => !columns.Values.Any(c => c.Key == r.Key)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(Say.Text("Validation.ImportMissingColumns", string.Join(", ", missing.Select(m => m.Header(CultureInfo.CurrentUICulture)))));
        }

        return problems.Count == 0 ? columns : throw new RequestValidationException(new Dictionary<string, string[]> { ["file"] = [.. problems] });
    }

    /// <summary>One row on its way through the rules; errors of the import's own (formula, unknown symbol) come before the rules'.</summary>
    private sealed class RowReading(
        ImportSheetRow row, Dictionary<int, ImportColumn> columns, Dictionary<string, int> byKey, IReadOnlyDictionary<string, RegulationSummary> regulations)
    {
        private readonly CultureInfo culture = CultureInfo.CurrentUICulture;
        private readonly List<(ImportColumn Column, string Reason)> found = [];
        private readonly Dictionary<string, ImportColumn> columnOfField = new(StringComparer.Ordinal)
        {
            ["regulations"] = ImportColumns.Regulation(1),
        };

        public (NewObstacle? Obstacle, IEnumerable<ImportRowError> Errors) Read()
        {
            foreach (var formula in row.Formulas.Where(columns.ContainsKey))
            {
                Fail(columns[formula], Say.Text("Validation.ImportFormula", columns[formula].Header(culture)));
            }

            var body = new SubmitObstacleBody(
                Text(ImportColumns.Title), Text(ImportColumns.Description), Choice<ObstacleCategory>(ImportColumns.Category),
                Choice<ObstacleSeverity>(ImportColumns.Severity), Choice<RemedyRoute>(ImportColumns.Proposal), Text(ImportColumns.Impact),
                Text(ImportColumns.Contact), Citations());
            var rules = new ValidationErrors(field => ColumnOf(field).Header(culture));
            var obstacle = NewObstacleRules.Validate(body, rules);
            foreach (var (field, messages) in rules.ToDictionary())
            {
                var column = ColumnOf(field);
                if (!found.Any(f => f.Column.Key == column.Key))
                {
                    found.AddRange(messages.Select(m => (column, m)));
                }
            }

            return (found.Count == 0 ? obstacle : null,
                found.Select(f => new ImportRowError(row.Number, f.Column.Key, f.Column.Header(culture), f.Reason)));
        }

        private ImportColumn ColumnOf(string field) => columnOfField.GetValueOrDefault(field)
            ?? columns.Values.FirstOrDefault(c => c.Field == field) ?? ImportColumns.Title;

        private void Fail(ImportColumn column, string reason)
        {
            if (!found.Any(f => f.Column.Key == column.Key))
            {
                found.Add((column, reason));
            }
        }

        /// <summary>The cell as typed (the rules trim and count it); null when the column is absent or the cell empty.</summary>
        private string? Text(ImportColumn column) =>
            byKey.TryGetValue(column.Key, out var i) && i < row.Cells.Count && !string.IsNullOrWhiteSpace(row.Cells[i]) ? row.Cells[i] : null;

        private TEnum? Choice<TEnum>(ImportColumn column)
            where TEnum : struct, Enum
        {
            if (Text(column)?.Trim() is not { } text)
            {
                return null;
            }

            if (ImportColumns.TryChoice<TEnum>(text, out var value))
            {
                return value;
            }

            Fail(column, Say.Text("Validation.ImportChoice", column.Header(culture), text, string.Join(", ", ImportColumns.Choices<TEnum>(culture))));
            return null;
        }

        /// <summary>The filled pairs of symbol and provision, in order; an empty pair between two filled ones is skipped.</summary>
        private List<CitedRegulationBody?> Citations()
        {
            var cited = new List<CitedRegulationBody?>();
            for (var pair = 1; byKey.ContainsKey(ImportColumns.Regulation(pair).Key) || byKey.ContainsKey(ImportColumns.Provision(pair).Key); pair++)
            {
                var (symbolColumn, provisionColumn) = (ImportColumns.Regulation(pair), ImportColumns.Provision(pair));
                var (symbol, provision) = (Text(symbolColumn)?.Trim(), Text(provisionColumn));
                if (symbol is null && provision is null)
                {
                    continue;
                }

                columnOfField[$"regulations[{cited.Count}].regulationId"] = symbolColumn;
                columnOfField[$"regulations[{cited.Count}].provision"] = provisionColumn;
                Guid? regulationId = null;
                if (symbol is not null && regulations.TryGetValue(symbol, out var regulation))
                {
                    regulationId = regulation.Id;
                }
                else if (symbol is not null)
                {
                    Fail(symbolColumn, Say.Text("Validation.ImportUnknownSymbol", symbolColumn.Header(culture), symbol));
                }

                cited.Add(new CitedRegulationBody(regulationId, provision));
            }

            if (cited.Count == 0)
            {
                Fail(ImportColumns.Regulation(1), Say.Text("Validation.ImportNoCitation", ImportColumns.Regulation(1).Header(culture)));
            }

            return cited;
        }
    }
}
