using System.Text.RegularExpressions;

namespace ServerlessInApp.Core.Tests.Support;

internal static class AssertError
{
    /// <summary>
    /// The rule rejected the input with a message naming <paramref name="field"/> as a whole path: "Content" is not
    /// named by a message about "Content[0].ImageUrl", nor "Header" by one about "MessageConfiguration.Header".
    /// </summary>
    public static void Names(string field, string? error)
    {
        Assert.NotNull(error);
        var whole = new Regex(@"(?<![\w.\[\]])" + Regex.Escape(field) + @"(?![\w\[]|\.[\w\[])");
        Assert.True(whole.IsMatch(error), $"Expected the message to name '{field}', got: {error}");
    }
}
