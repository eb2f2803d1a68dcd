using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// What Dapper builds a call on: it collects the call's text and parameters and runs them on the connection's kept
/// statement for that text. Text that Dapper rewrote after setting it (a list expanded into one parameter per item,
/// so a new text for every length) is kept only while short: a handful of ids (a page's documents) recurs at the
/// same few lengths, while a long list would fill the connection's bound with texts seldom asked for again; those
/// run on a statement of their own, prepared and finalized here.
/// </summary>
internal sealed class PreparedSqliteCommand(PreparedSqliteConnection connection) : DbCommand
{
    internal const int MaxListParametersKept = 16;

    // Holds the parameters Dapper adds until the call runs; never executed itself.
    private readonly SqliteCommand parameters = new();
    private string commandText = string.Empty;
    private bool rewritten;
    private SqliteCommand? ownStatement;

    [AllowNull]
    public override string CommandText
    {
        get => commandText;
        set
        {
            var text = value ?? string.Empty;
            rewritten |= commandText.Length > 0 && !string.Equals(commandText, text, StringComparison.Ordinal);
            commandText = text;
        }
    }

    public override int CommandTimeout { get; set; } = connection.Sqlite.DefaultTimeout;

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new NotSupportedException("SQLite runs text commands only.");
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set => throw new NotSupportedException("A prepared command belongs to the connection that made it.");
    }

    protected override DbParameterCollection DbParameterCollection => parameters.Parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel()
    {
    }

    // Statements are kept prepared by the connection already.
    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    public override int ExecuteNonQuery() => connection.Guard(() => Bound().ExecuteNonQuery());

    public override object? ExecuteScalar() => connection.Guard(() => Bound().ExecuteScalar());

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => connection.Guard(() => Bound().ExecuteReader(behavior));

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) =>
        connection.GuardAsync(() => Bound().ExecuteNonQueryAsync(cancellationToken));

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) =>
        connection.GuardAsync(() => Bound().ExecuteScalarAsync(cancellationToken));

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        await connection.GuardAsync(() => Bound().ExecuteReaderAsync(behavior, cancellationToken));

    /// <summary>The statement for this call's text with this call's transaction, timeout and parameters.</summary>
    private SqliteCommand Bound()
    {
        SqliteCommand statement;
        if (rewritten && parameters.Parameters.Count > MaxListParametersKept)
        {
            statement = ownStatement ??= connection.Sqlite.CreateCommand();
            statement.CommandText = commandText;
        }
        else
        {
            statement = connection.Statement(commandText);
        }

        statement.Transaction = (SqliteTransaction?)DbTransaction;
        statement.CommandTimeout = CommandTimeout;
        statement.Parameters.Clear();
        foreach (SqliteParameter parameter in parameters.Parameters)
        {
            statement.Parameters.Add(parameter);
        }

        return statement;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            parameters.Dispose();
            ownStatement?.Dispose();
        }

        base.Dispose(disposing);
    }
}
