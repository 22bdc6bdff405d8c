using System.Globalization;

namespace ServerlessInApp.Bench;

/// <summary>
/// CPU time used so far by each emulator of the local stack: every process of the session infra/local/start.sh
/// started it in (its pids file, "name pid" lines; each emulator leads its own session), from /proc/[pid]/stat
/// (utime + stime, in clock ticks of 1/100 s). Empty when STACK_STATE_DIR is not set or not Linux.
/// </summary>
public static class StackCpu
{
    private const double TicksPerSecond = 100;

    public static IReadOnlyDictionary<string, TimeSpan> Read()
    {
        var result = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var pidsFile = Environment.GetEnvironmentVariable("STACK_STATE_DIR") is { Length: > 0 } dir ? Path.Combine(dir, "pids") : null;
        if (pidsFile is null || !File.Exists(pidsFile) || !Directory.Exists("/proc")) return result;

        var sessions = new Dictionary<int, string>();
        foreach (var line in File.ReadLines(pidsFile))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid)) sessions[pid] = parts[0];
        }
        foreach (var name in sessions.Values) result[name] = TimeSpan.Zero;
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), CultureInfo.InvariantCulture, out _)) continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(process, "stat"));
            }
            catch (IOException)
            {
                continue; // the process ended meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            // The command name (field 2) is in parentheses and may hold spaces: fields are counted after its ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After it: 3 state, 4 ppid, 5 pgrp, 6 session, ..., 14 utime, 15 stime (proc(5)), so index = field - 3.
            if (!int.TryParse(fields[6 - 3], CultureInfo.InvariantCulture, out var session) || !sessions.TryGetValue(session, out var owner)) continue;
            var ticks = long.Parse(fields[14 - 3], CultureInfo.InvariantCulture) + long.Parse(fields[15 - 3], CultureInfo.InvariantCulture);
            result[owner] += TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        return result;
    }

    /// <summary>What each emulator used between two readings.</summary>
    public static IReadOnlyDictionary<string, TimeSpan> Since(IReadOnlyDictionary<string, TimeSpan> before)
    {
        var now = Read();
        return now.ToDictionary(kv => kv.Key, kv => kv.Value - before.GetValueOrDefault(kv.Key), StringComparer.Ordinal);
    }
}
