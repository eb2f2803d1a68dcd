using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Telemetry;

namespace ObstacleRegister.Tests.Database;

/// <summary>The register's metrics on a service provider of their own, and what one of its instruments recorded.</summary>
internal sealed class RecordedInstrument<T> : IAsyncDisposable
    where T : struct
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().AddSingleton<RegisterMetrics>().BuildServiceProvider();
    private readonly MeterListener listener;
    private readonly List<T> values = [];

    public RecordedInstrument(string name)
    {
        var meter = Metrics.Meter;
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<T>((_, value, _, _) =>
        {
            lock (values)
            {
                values.Add(value);
            }
        });
        listener.Start();
    }

    public RegisterMetrics Metrics => services.GetRequiredService<RegisterMetrics>();

    /// <summary>The values recorded so far, in order.</summary>
    public T[] Values
    {
        get
        {
            lock (values)
            {
                return [.. values];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Dispose();
        await services.DisposeAsync();
    }
}
