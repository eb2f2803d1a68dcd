using MediatR;

namespace ObstacleRegister.BuildingBlocks.Messaging;

/// <summary>
/// Marks a request that only reads. It still runs in one transaction, for a consistent view, but one
/// that does not take the write lock.
/// </summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;

/// <summary>
/// A query that must see every change committed before each of its statements, not one snapshot taken when it began:
/// the change feed, whose "committed below MIN_ACTIVE_ROWVERSION" rule on SQL Server holds only for what the statement
/// itself can see. Under a snapshot it could return a later change and skip an earlier one committed meanwhile. It
/// reads under READ COMMITTED (statement-level row versions); on SQLite every read transaction is a snapshot of
/// committed data already, and WAL keeps commit order.
/// </summary>
public interface ICommittedReadQuery<out TResponse> : IQuery<TResponse>;
