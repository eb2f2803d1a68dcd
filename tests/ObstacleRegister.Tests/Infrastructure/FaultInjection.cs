using MediatR;

namespace ObstacleRegister.Tests.Infrastructure;

/// <summary>Lets a test make one kind of request fail after its handler has written, inside its transaction.</summary>
public sealed class FaultInjection
{
    public Type? FailAfter { get; set; }
}

internal sealed class FaultInjectionBehavior<TRequest, TResponse>(FaultInjection faults) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (faults.FailAfter == typeof(TRequest))
        {
            faults.FailAfter = null;
            throw new InvalidOperationException($"Injected failure after {typeof(TRequest).Name}.");
        }

        return response;
    }
}
