namespace ServerlessInApp.Core.UseCases;

public static class Ids
{
    /// <summary>32 lower-case hex characters, the shape of Pinpoint's own ids.</summary>
    public static string New() => Guid.NewGuid().ToString("N");
}
