using MediatR;
using ObstacleRegister.BuildingBlocks.Validation;

namespace ObstacleRegister.BuildingBlocks.Messaging;

/// <summary>Runs every validator of the request before the transaction opens; any error stops the request as one 400.</summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var errors = new ValidationErrors();
        foreach (var validator in validators)
        {
            validator.Validate(request, errors);
        }

        errors.ThrowIfAny();
        return next();
    }
}
