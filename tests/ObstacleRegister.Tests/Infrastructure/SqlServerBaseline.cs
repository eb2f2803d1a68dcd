using Microsoft.Data.SqlClient;

namespace ObstacleRegister.Tests.Infrastructure;

/// <summary>
/// The rows of a SQL Server test database as the host left them after migrating it and creating the bootstrap admin
/// key (schema versions, seeded cursors, the admin key and its unit), captured once per fixture. Each test starts
/// from exactly these rows: every table emptied, then these put back, with foreign keys off meanwhile.
/// </summary>
internal sealed class SqlServerBaseline
{
    /// <summary>Every user table with its insertable columns (not computed, not rowversion).</summary>
    internal const string TablesQuery = """
        SELECT QUOTENAME(SCHEMA_NAME(t.schema_id)) + N'.' + QUOTENAME(t.name) AS name, OBJECTPROPERTY(t.object_id, 'TableHasIdentity') AS has_identity,
               STRING_AGG(CAST(QUOTENAME(c.name) AS nvarchar(max)), N',') WITHIN GROUP (ORDER BY c.column_id) AS columns,
               t.name AS bare_name
        FROM sys.tables t JOIN sys.columns c ON c.object_id = t.object_id
        WHERE t.is_ms_shipped = 0 AND c.is_computed = 0 AND TYPE_NAME(c.system_type_id) NOT IN (N'timestamp', N'rowversion')
        GROUP BY t.schema_id, t.name, t.object_id
        """;

    private readonly List<TableRows> tables;

    private SqlServerBaseline(List<TableRows> tables) => this.tables = tables;

    public static SqlServerBaseline Capture(SqlConnection connection)
    {
        var tables = ReadTables(connection).Select(t => new TableRows(t.Name, t.Identity, t.Columns.Split(','), ReadRows(connection, t.Name, t.Columns))).ToList();
        return new SqlServerBaseline(tables);
    }

    /// <summary>Every table's rows as text, sorted, by the table's bare name (as on SQLite): what a reset must bring back exactly.</summary>
    public static Dictionary<string, List<string>> Dump(SqlConnection connection) =>
        ReadTables(connection).ToDictionary(t => t.BareName, t => ReadRows(connection, t.Name, t.Columns).Select(TestDatabase.RowText).Order(StringComparer.Ordinal).ToList());

    private static List<(string Name, bool Identity, string Columns, string BareName)> ReadTables(SqlConnection connection)
    {
        var found = new List<(string Name, bool Identity, string Columns, string BareName)>();
        using var command = new SqlCommand(TablesQuery, connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            found.Add((reader.GetString(0), reader.GetInt32(1) == 1, reader.GetString(2), reader.GetString(3)));
        }

        return found;
    }

    private static List<object[]> ReadRows(SqlConnection connection, string table, string columns)
    {
        var rows = new List<object[]>();
        using var command = new SqlCommand($"SELECT {columns} FROM {table}", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }

    /// <summary>Empties every table and puts the baseline rows back, in one transaction.</summary>
    public void Restore(SqlConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Run(connection, transaction, string.Concat(tables.Select(t => $"ALTER TABLE {t.Name} NOCHECK CONSTRAINT ALL; ")));
        Run(connection, transaction, string.Concat(tables.Select(t => $"DELETE FROM {t.Name}; ")));
        foreach (var table in tables.Where(t => t.Rows.Count > 0))
        {
            if (table.Identity)
            {
                Run(connection, transaction, $"SET IDENTITY_INSERT {table.Name} ON");
            }

            var insert = $"INSERT INTO {table.Name} ({string.Join(',', table.Columns)}) VALUES ({string.Join(',', table.Columns.Select((_, i) => $"@p{i}"))})";
            foreach (var row in table.Rows)
            {
                using var command = new SqlCommand(insert, connection, transaction);
                for (var i = 0; i < row.Length; i++)
                {
                    command.Parameters.AddWithValue($"@p{i}", row[i]);
                }

                command.ExecuteNonQuery();
            }

            if (table.Identity)
            {
                Run(connection, transaction, $"SET IDENTITY_INSERT {table.Name} OFF");
            }
        }

        Run(connection, transaction, string.Concat(tables.Select(t => $"ALTER TABLE {t.Name} WITH CHECK CHECK CONSTRAINT ALL; ")));
        transaction.Commit();
    }

    private static void Run(SqlConnection connection, SqlTransaction transaction, string sql)
    {
        using var command = new SqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private sealed record TableRows(string Name, bool Identity, string[] Columns, List<object[]> Rows);
}
