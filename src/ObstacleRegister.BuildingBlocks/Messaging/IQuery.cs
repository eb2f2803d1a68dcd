using MediatR;

namespace ObstacleRegister.BuildingBlocks.Messaging;

/// <summary>
/// Marks a request that only reads. It still runs in one transaction, for a consistent view, but one
/// that does not take the write lock.
/// </summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;
