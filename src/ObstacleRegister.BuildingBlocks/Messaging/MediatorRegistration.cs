using System.Reflection;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Validation;

namespace ObstacleRegister.BuildingBlocks.Messaging;

/// <summary>
/// MediatR 5 has no container integration of its own: the mediator, its service factory and every
/// handler, validator and view slot filler are registered here, by scanning the module assemblies once at start-up.
/// </summary>
public static class MediatorRegistration
{
    private static readonly Type[] ScannedInterfaces =
    [
        typeof(IRequestHandler<,>),
        typeof(INotificationHandler<>),
        typeof(IAsyncValidator<>),
    ];

    public static IServiceCollection AddMediator(this IServiceCollection services, params Assembly[] moduleAssemblies)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();

        // Order matters: the first behaviour registered is the outermost. Validation runs before the
        // transaction opens, so a bad request never takes the write lock.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(Idempotency.IdempotencyBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(Composition.ViewCompositionBehavior<,>));
        services.AddScoped<Idempotency.IdempotencyContext>();

        foreach (var type in moduleAssemblies.Append(typeof(MediatorRegistration).Assembly).Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.IsAbstract || type.IsInterface || type.IsGenericTypeDefinition)
            {
                continue;
            }

            foreach (var contract in type.GetInterfaces().Where(IsScanned))
            {
                services.AddScoped(contract, type);
            }
        }

        return services;
    }

    private static bool IsScanned(Type contract) =>
        contract == typeof(Composition.IViewSlotFiller)
        || (contract.IsGenericType && ScannedInterfaces.Contains(contract.GetGenericTypeDefinition()));
}
