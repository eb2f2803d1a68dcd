using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace ObstacleRegister.BuildingBlocks.Composition;

/// <summary>
/// Fills the slots of a composed view as the view leaves its owner's handler, inside the request's transaction
/// and before an idempotent command stores its answer, so the first answer and its replay are the same.
/// A view passed on by an outer handler is already filled and is not filled twice. The fillers are made only for an
/// answer that is a view: every other request, an intake or a nested query, pays nothing for them.
/// </summary>
public sealed class ViewCompositionBehavior<TRequest, TResponse>(IServiceProvider services) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        var view = response switch
        {
            IHasComposedView carrier => carrier.View,
            IComposedView composed => composed,
            _ => null,
        };
        if (view is not null)
        {
            await Compose(view, cancellationToken);
        }

        return response;
    }

    private async Task Compose(IComposedView view, CancellationToken ct)
    {
        var (name, slots) = ViewSlots.Of(view.GetType());
        IViewSlotFiller[]? fillers = null;
        foreach (var (slotName, property) in slots)
        {
            var slot = (ViewSlot)property.GetValue(view)!;
            if (slot.Filled)
            {
                continue;
            }

            if (!slot.Wanted)
            {
                slot.Fill(null);
                continue;
            }

            fillers ??= [.. services.GetServices<IViewSlotFiller>()];
            var filler = fillers.SingleOrDefault(f => f.View == name && f.Slot == slotName)
                ?? throw new InvalidOperationException($"No module fills the slot {slotName} of the {name} view.");
            slot.Fill(await filler.FillAsync(view.Id, ct));
        }
    }
}
