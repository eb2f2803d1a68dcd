using MediatR;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.BuildingBlocks.Messaging;

/// <summary>
/// The outermost request of a scope opens the transaction and alone commits or rolls it back; requests
/// and notifications sent from inside a handler join it, so a cascade across modules is all or nothing.
/// </summary>
public sealed class TransactionBehavior<TRequest, TResponse>(DbSession session) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (session.InTransaction)
        {
            return await next();
        }

        var readOnly = request is IQuery<TResponse>;
        await session.BeginAsync(readOnly, cancellationToken, snapshot: readOnly && request is not ICommittedReadQuery<TResponse>);
        try
        {
            var response = await next();
            await session.CommitAsync(cancellationToken);
            return response;
        }
        catch (Exception ex)
        {
            await session.RollbackAsync(ex);
            throw;
        }
    }
}
