using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// Microsoft.Data.Sqlite hands Guid, DateTimeOffset and DateOnly back as TEXT and Dapper will not convert
/// them; it also binds Guid as a BLOB by default. These handlers store one fixed text form on SQLite (so
/// text order is time order and equality is exact) and pass native values to SQL Server.
/// </summary>
public static class DapperTypeHandlers
{
    private static int registered;

    /// <summary>Registers the handlers once per process; later calls do nothing.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        // Columns are snake_case, properties PascalCase: created_at fills CreatedAt without an alias in every SELECT.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(typeof(Guid), new GuidHandler());
        SqlMapper.AddTypeHandler(typeof(DateTimeOffset), new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(typeof(DateOnly), new DateOnlyHandler());
    }

    /// <summary>The text form of an instant on SQLite: UTC, fixed width, so comparisons sort by time.</summary>
    public static string ToSqliteText(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal sealed class GuidHandler : TypedNullHandler<Guid>
    {
        protected override DbType SqlServerType => DbType.Guid;

        protected override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("D");
                return;
            }

            parameter.DbType = DbType.Guid;
            parameter.Value = value;
        }

        protected override Guid Parse(object value) => value switch
        {
            Guid guid => guid,
            string text => Guid.Parse(text),
            byte[] bytes => new Guid(bytes),
            _ => throw new DataException($"Cannot read a Guid from {value.GetType().Name}."),
        };
    }

    internal sealed class DateTimeOffsetHandler : TypedNullHandler<DateTimeOffset>
    {
        protected override DbType SqlServerType => DbType.DateTimeOffset;

        protected override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = ToSqliteText(value);
                return;
            }

            parameter.DbType = DbType.DateTimeOffset;
            parameter.Value = value;
        }

        protected override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset instant => instant,
            DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            _ => throw new DataException($"Cannot read a DateTimeOffset from {value.GetType().Name}."),
        };
    }

    internal sealed class DateOnlyHandler : TypedNullHandler<DateOnly>
    {
        protected override DbType SqlServerType => DbType.Date;

        protected override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return;
            }

            parameter.DbType = DbType.Date;
            parameter.Value = value.ToDateTime(TimeOnly.MinValue);
        }

        protected override DateOnly Parse(object value) => value switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw new DataException($"Cannot read a DateOnly from {value.GetType().Name}."),
        };
    }

    /// <summary>
    /// Dapper's typed handlers are never asked about a null (<c>DateTimeOffset?</c> without a value): it then sends
    /// DBNull without a type, which SqlClient sends as nvarchar, so SQL Server compares and converts it as text. This
    /// base also sees the nulls and gives them the column's type.
    /// </summary>
    internal abstract class TypedNullHandler<T> : SqlMapper.ITypeHandler
        where T : struct
    {
        protected abstract DbType SqlServerType { get; }

        public void SetValue(IDbDataParameter parameter, object value)
        {
            if (value is null or DBNull)
            {
                parameter.DbType = parameter is SqliteParameter ? DbType.String : SqlServerType;
                parameter.Value = DBNull.Value;
                return;
            }

            SetValue(parameter, (T)value);
        }

        public object? Parse(Type destinationType, object value) => value is null or DBNull ? null : Parse(value);

        protected abstract void SetValue(IDbDataParameter parameter, T value);

        protected abstract T Parse(object value);
    }
}
