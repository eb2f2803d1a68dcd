using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ObstacleRegister.Tests.Infrastructure;

/// <summary>The built service run as its own process on a free loopback port, as an operator would run it.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process process;

    private ServiceProcess(Process process, int port, string folder)
    {
        this.process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    /// <summary>The folder of the service's files (its content root).</summary>
    public string Folder { get; }

    /// <summary>Every line it wrote to standard output and error.</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    public HttpClient Client() => new() { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };

    /// <summary>Starts the service with these environment variables from <paramref name="workingDirectory"/> and waits until it is ready.</summary>
    public static async Task<ServiceProcess> Start(IReadOnlyDictionary<string, string> environment, string? workingDirectory = null, int? port = null)
    {
        var dll = ServiceDll();
        var listenOn = port ?? FreePort();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{listenOn}"])
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var service = new ServiceProcess(Process.Start(start)!, listenOn, Path.GetDirectoryName(dll)!);
        service.process.OutputDataReceived += (_, e) => service.Collect(e.Data);
        service.process.ErrorDataReceived += (_, e) => service.Collect(e.Data);
        service.process.BeginOutputReadLine();
        service.process.BeginErrorReadLine();
        await service.WaitUntilReady();
        return service;
    }

    /// <summary>Runs the service with a command (such as <c>reset-admin-key</c>) to its end: its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommand(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var dll = ServiceDll();
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await errors);
    }

    private static string ServiceDll() =>
        Directory.GetFiles(Path.Combine(Repository.Root.Value, "src", "ObstacleRegister.Api", "bin"), "ObstacleRegister.Api.dll", SearchOption.AllDirectories)
            .Where(f => File.Exists(Path.ChangeExtension(f, ".runtimeconfig.json")))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .First();

    public async Task Kill()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            Output.Enqueue(line);
        }
    }

    private async Task WaitUntilReady()
    {
        using var probe = Client();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Dispose();
        throw new InvalidOperationException($"The service did not become ready on port {Port}:\n{string.Join('\n', Output)}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
