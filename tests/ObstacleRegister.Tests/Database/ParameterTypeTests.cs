using System.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Tests.Database;

/// <summary>Parameters reach SQL Server typed even when null: an untyped null would travel as nvarchar.</summary>
public sealed class ParameterTypeTests
{
    private static IEnumerable<TestCaseData> Handlers()
    {
        yield return new TestCaseData(new DapperTypeHandlers.DateTimeOffsetHandler(), DbType.DateTimeOffset).SetArgDisplayNames("DateTimeOffset?");
        yield return new TestCaseData(new DapperTypeHandlers.DateOnlyHandler(), DbType.Date).SetArgDisplayNames("DateOnly?");
        yield return new TestCaseData(new DapperTypeHandlers.GuidHandler(), DbType.Guid).SetArgDisplayNames("Guid?");
    }

    [TestCaseSource(nameof(Handlers))]
    public void NullParameter_OnSqlServer_CarriesTheColumnType(Dapper.SqlMapper.ITypeHandler handler, DbType expected)
    {
        var sqlServer = new SqlParameter();
        var sqlite = new SqliteParameter();

        handler.SetValue(sqlServer, DBNull.Value);
        handler.SetValue(sqlite, DBNull.Value);

        Assert.Multiple(() =>
        {
            Assert.That(sqlServer.DbType, Is.EqualTo(expected));
            Assert.That(sqlServer.Value, Is.EqualTo(DBNull.Value));
            Assert.That(sqlite.DbType, Is.EqualTo(DbType.String), "SQLite stores these as text");
        });
    }

    [Test]
    public void Value_OnSqlServer_IsSentNative()
    {
        var parameter = new SqlParameter();
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

        ((Dapper.SqlMapper.ITypeHandler)new DapperTypeHandlers.DateTimeOffsetHandler()).SetValue(parameter, at);

        Assert.That((parameter.DbType, parameter.Value), Is.EqualTo((DbType.DateTimeOffset, (object)at)));
    }
}
