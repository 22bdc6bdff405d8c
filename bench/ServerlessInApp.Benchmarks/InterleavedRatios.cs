using System.Diagnostics;

namespace ServerlessInApp.Benchmarks;

/// <summary>
/// The ratios of the trigger table measured side by side: BenchmarkDotNet runs each case for seconds on its own, so a
/// burst of load from a neighbour on the shared cores can land on the floor and not on the full path, or the other
/// way. Here every round times a block of each case (the floor and the full path at every campaign count) back to
/// back, in an order that turns each round; each ratio is the median over the rounds of the ratio within a round.
/// </summary>
public static class InterleavedRatios
{
    public sealed record Result(IReadOnlyDictionary<int, double> FullOverFloor, double LastOverFirst, int Rounds);

    public static Result Measure(IReadOnlyList<int> counts, int rounds, TimeSpan block)
    {
        var cases = new List<(int Campaigns, bool Full, Func<int> Run)>();
        foreach (var n in counts)
        {
            var benchmarks = new TriggerEvaluationBenchmarks { Campaigns = n };
            benchmarks.Setup();
            cases.Add((n, false, () => benchmarks.Deserialize().GetAwaiter().GetResult()));
            cases.Add((n, true, () => benchmarks.Evaluate().GetAwaiter().GetResult()));
        }
        // Calls per block, from a first timing of each case, so that every block lasts about as long.
        var calls = cases.Select(c => CallsFor(c.Run, block)).ToList();

        var ratios = counts.ToDictionary(n => n, _ => new List<double>());
        var flat = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var perCall = new Dictionary<(int, bool), double>();
            for (var k = 0; k < cases.Count; k++)
            {
                var i = (k + round) % cases.Count;
                perCall[(cases[i].Campaigns, cases[i].Full)] = Time(cases[i].Run, calls[i]);
            }
            foreach (var n in counts) ratios[n].Add(perCall[(n, true)] / perCall[(n, false)]);
            flat.Add(perCall[(counts[^1], true)] / perCall[(counts[0], true)]);
        }
        return new Result(ratios.ToDictionary(r => r.Key, r => Median(r.Value)), Median(flat), rounds);
    }

    private static int CallsFor(Func<int> run, TimeSpan block)
    {
        for (var i = 0; i < 50; i++) run();
        var once = Time(run, 200);
        return Math.Max(20, (int)(block.TotalSeconds / once));
    }

    /// <summary>Seconds per call over <paramref name="calls"/> calls.</summary>
    private static double Time(Func<int> run, int calls)
    {
        var sink = 0;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++) sink += run();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        GC.KeepAlive(sink);
        return elapsed / calls;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
