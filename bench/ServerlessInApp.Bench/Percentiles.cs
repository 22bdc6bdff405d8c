namespace ServerlessInApp.Bench;

/// <summary>Nearest-rank percentiles of latency samples in milliseconds.</summary>
public sealed class Percentiles(IEnumerable<double> samples)
{
    private readonly double[] _sorted = samples.Order().ToArray();

    public int Count => _sorted.Length;
    public double P50 => At(0.50);
    public double P95 => At(0.95);
    public double P99 => At(0.99);
    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public double At(double q) => _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(q * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
