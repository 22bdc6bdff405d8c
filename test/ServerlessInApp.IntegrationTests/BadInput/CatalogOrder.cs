using Xunit.Abstractions;
using Xunit.Sdk;

namespace ServerlessInApp.IntegrationTests.BadInput;

/// <summary>
/// Runs the catalog's checks of itself first, then its cases in file order, then the summary, so the summary's
/// figures cover every case that ran. No case depends on another: each snapshots the table around itself.
/// </summary>
public sealed class CatalogOrder : ITestCaseOrderer
{
    public const string TypeName = "ServerlessInApp.IntegrationTests.BadInput.CatalogOrder";
    public const string AssemblyName = "ServerlessInApp.IntegrationTests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => Rank(t)).ThenBy(t => t.DisplayName, StringComparer.Ordinal);

    private static int Rank(ITestCase test)
    {
        if (test.TestMethod.Method.Name == nameof(BadInputCatalogTests.Summary_of_the_catalog_run)) return int.MaxValue;
        if (test.TestMethodArguments is [string name])
        {
            var index = BadInputCatalog.Cases.ToList().FindIndex(c => c.Name == name);
            return index < 0 ? int.MaxValue - 1 : index;
        }
        return -1;
    }
}
