using Microsoft.AspNetCore.Components;

namespace ObstacleRegister.Pages;

/// <summary>
/// A part of a person's desk (<c>/desk</c>), given by the module that owns its work: the reporter's obstacles and
/// questions, the coordinator's queue, the drafter's and the official's amendments. The desk asks every section and
/// shows those that answer, in <see cref="Order"/>; a module adds to the desk without the desk knowing it.
/// </summary>
public interface IDeskSection
{
    int Order { get; }

    /// <summary>The section for this person, or null when it is not theirs (a role they lack).</summary>
    Task<RenderFragment?> Render(SignedInPerson person, StaffView view, CancellationToken ct);
}

public static class DeskFragments
{
    /// <summary>A component given its model, as a fragment of another page.</summary>
    public static RenderFragment Of<TComponent>(object model)
        where TComponent : IComponent => builder =>
    {
        builder.OpenComponent<TComponent>(0);
        builder.AddComponentParameter(1, "Model", model);
        builder.CloseComponent();
    };
}
