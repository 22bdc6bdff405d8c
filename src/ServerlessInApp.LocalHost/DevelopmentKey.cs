namespace ServerlessInApp.LocalHost;

/// <summary>An access key pair the local host accepts in SigV4 signatures (development only: never an AWS key).</summary>
public sealed record DevelopmentKey(string AccessKeyId, string SecretAccessKey)
{
    public static readonly DevelopmentKey DefaultApp = new("local-app", "local-app-secret");
    public static readonly DevelopmentKey DefaultOwner = new("local-owner", "local-owner-secret");

    public void Validate(string role)
    {
        // The access key id is the first field of the credential scope "id/date/region/service/aws4_request",
        // and curl's --user takes "id:secret".
        if (string.IsNullOrWhiteSpace(AccessKeyId) || AccessKeyId.IndexOfAny(['/', ':', ',', ' ', '=']) >= 0)
        {
            throw new InvalidOperationException($"The {role} access key id '{AccessKeyId}' must be non-empty without '/', ':', ',', '=' or spaces.");
        }
        if (string.IsNullOrEmpty(SecretAccessKey))
        {
            throw new InvalidOperationException($"The {role} secret access key is empty.");
        }
    }

    // Records print every member; a secret in a log line helps nobody even when it is only a development key.
    public override string ToString() => AccessKeyId;
}
