using MediatR;

namespace ObstacleRegister.Tests.Infrastructure;

/// <summary>Lets a test make one kind of request fail after its handler has written, inside its transaction.</summary>
public sealed class FaultInjection
{
    public Type? FailAfter { get; set; }

    /// <summary>Makes the next notification of this type fail after every module's handler has run.</summary>
    public Type? FailNotification { get; set; }
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

/// <summary>Registered after the modules' handlers, so it runs last: the modules have written when it throws.</summary>
internal sealed class FaultInjectionNotificationHandler<TNotification>(FaultInjection faults) : INotificationHandler<TNotification>
    where TNotification : INotification
{
    public Task Handle(TNotification notification, CancellationToken cancellationToken)
    {
        if (faults.FailNotification == typeof(TNotification))
        {
            faults.FailNotification = null;
            throw new InvalidOperationException($"Injected failure in a handler of {typeof(TNotification).Name}.");
        }

        return Task.CompletedTask;
    }
}
