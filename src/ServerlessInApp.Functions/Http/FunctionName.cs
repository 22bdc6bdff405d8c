namespace ServerlessInApp.Functions.Http;

/// <summary>The four Lambda functions one executable can run; the value of SERVERLESSINAPP_HANDLER (or _HANDLER).</summary>
public static class FunctionName
{
    public const string Ingest = "ingest";
    public const string Trigger = "trigger";
    public const string Fetch = "fetch";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Ingest, Trigger, Fetch, Admin];
}
