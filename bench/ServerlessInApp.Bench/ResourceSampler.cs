using System.Diagnostics;

namespace ServerlessInApp.Bench;

/// <summary>
/// Issue 5 item 7: samples the process's working set and GC heap every 50 ms while the load runs (the process hosts
/// all four handlers, the local host and the harness), keeping the peaks of each phase and of the whole run.
/// </summary>
public sealed class ResourceSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long WorkingSet, long Heap)> _peaks = new(StringComparer.Ordinal);
    private string _phase = "setup";

    public ResourceSampler() => _loop = Task.Run(LoopAsync);

    public void Phase(string name)
    {
        lock (_gate) _phase = name;
    }

    public IReadOnlyDictionary<string, (long WorkingSet, long Heap)> Peaks
    {
        get { lock (_gate) return new Dictionary<string, (long, long)>(_peaks); }
    }

    /// <summary>The kernel's high-water mark of the process's resident set (VmHWM), over the whole run.</summary>
    public static long PeakWorkingSet
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return process.PeakWorkingSet64;
        }
    }

    private async Task LoopAsync()
    {
        using var process = Process.GetCurrentProcess();
        while (!_stop.IsCancellationRequested)
        {
            process.Refresh();
            var workingSet = process.WorkingSet64;
            var heap = GC.GetTotalMemory(forceFullCollection: false);
            lock (_gate)
            {
                var (ws, h) = _peaks.GetValueOrDefault(_phase);
                _peaks[_phase] = (Math.Max(ws, workingSet), Math.Max(h, heap));
            }
            try
            {
                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
