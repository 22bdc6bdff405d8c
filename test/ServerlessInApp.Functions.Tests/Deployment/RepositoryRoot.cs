using System.Runtime.CompilerServices;

namespace ServerlessInApp.Functions.Tests.Deployment;

/// <summary>
/// The repository's root: the folder holding ServerlessInApp.sln. Found by walking up from this source file's compile-time
/// path (test output may live outside the repository, e.g. with --artifacts-path), then from the test's output folder.
/// </summary>
internal static class RepositoryRoot
{
    private const string SolutionFile = "ServerlessInApp.sln";

    public static string Path { get; } = Find();

    public static string File(params string[] relative) => System.IO.Path.Combine([Path, .. relative]);

    private static string Find([CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [System.IO.Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory, Directory.GetCurrentDirectory()];
        foreach (var start in starts)
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
            }
        }
        throw new InvalidOperationException($"{SolutionFile} not found above {string.Join(" or ", starts)}.");
    }
}
