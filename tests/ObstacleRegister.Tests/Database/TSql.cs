using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ObstacleRegister.Tests.Database;

/// <summary>Parses T-SQL the way SQL Server 2022 would, without a server.</summary>
public static class TSql
{
    public static TSqlFragment Parse(string sql, out IReadOnlyList<string> errors)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var fragment = parser.Parse(new StringReader(sql), out var parseErrors);
        errors = parseErrors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
        return fragment;
    }

    /// <summary>Tables with their columns and types, and index names, declared by a set of scripts.</summary>
    public sealed class SchemaCollector : TSqlFragmentVisitor
    {
        public Dictionary<string, Dictionary<string, string>> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Indexes { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(CreateTableStatement node)
        {
            var columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                columns[column.ColumnIdentifier.Value] = TypeOf(column);
            }

            Tables[node.SchemaObjectName.BaseIdentifier.Value] = columns;
        }

        /// <summary>A later migration's <c>ALTER TABLE … ADD</c>, in the order the migrations run.</summary>
        public override void Visit(AlterTableAddTableElementStatement node)
        {
            if (Tables.TryGetValue(node.SchemaObjectName.BaseIdentifier.Value, out var columns))
            {
                foreach (var column in node.Definition.ColumnDefinitions)
                {
                    columns[column.ColumnIdentifier.Value] = TypeOf(column);
                }
            }
        }

        private static string TypeOf(ColumnDefinition column) => column.DataType switch
        {
            SqlDataTypeReference sql => sql.SqlDataTypeOption.ToString(),
            var other => other.Name.BaseIdentifier.Value,
        };

        public override void Visit(CreateIndexStatement node) => Indexes.Add(node.Name.Value);
    }
}
