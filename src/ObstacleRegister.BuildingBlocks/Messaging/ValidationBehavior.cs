using MediatR;
using ObstacleRegister.BuildingBlocks.Validation;

namespace ObstacleRegister.BuildingBlocks.Messaging;

/// <summary>Runs the request's asynchronous checks before the transaction opens; any error stops the request as one 400.</summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IAsyncValidator<TRequest>> asyncValidators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var errors = new ValidationErrors();
        foreach (var validator in asyncValidators)
        {
            await validator.ValidateAsync(request, errors, cancellationToken);
        }

        errors.ThrowIfAny();
        return await next();
    }
}
