using System.Collections.Concurrent;
using MediatR;

namespace ObstacleRegister.Tests.Infrastructure;

/// <summary>Lets a test make one kind of request fail after its handler has written, inside its transaction.</summary>
public sealed class FaultInjection
{
    private readonly ConcurrentDictionary<Type, RepeatedFault> repeated = new();
    private readonly ConcurrentDictionary<Type, Func<IServiceProvider, Task>> before = new();

    public Type? FailAfter { get; set; }

    /// <summary>Makes the next notification of this type fail after every module's handler has run.</summary>
    public Type? FailNotification { get; set; }

    /// <summary>Makes the next <paramref name="times"/> requests of this type throw what <paramref name="exception"/> makes, before their handler runs.</summary>
    public void Fail<TRequest>(int times, Func<Exception> exception) => repeated[typeof(TRequest)] = new RepeatedFault(times, exception);

    /// <summary>Runs <paramref name="action"/> in the request's scope (its transaction) before each request of this type.</summary>
    public void Before<TRequest>(Func<IServiceProvider, Task> action) => before[typeof(TRequest)] = action;

    public void Clear()
    {
        repeated.Clear();
        before.Clear();
        FailAfter = null;
        FailNotification = null;
    }

    internal async Task RunBefore(Type request, IServiceProvider services)
    {
        if (before.TryGetValue(request, out var action))
        {
            await action(services);
        }

        if (repeated.TryGetValue(request, out var fault) && fault.TryTake())
        {
            throw fault.Make();
        }
    }

    private sealed class RepeatedFault(int times, Func<Exception> make)
    {
        private int left = times;

        public Func<Exception> Make => make;

        public bool TryTake() => Interlocked.Decrement(ref left) >= 0;
    }
}

internal sealed class FaultInjectionBehavior<TRequest, TResponse>(FaultInjection faults, IServiceProvider services) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        await faults.RunBefore(typeof(TRequest), services);
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
