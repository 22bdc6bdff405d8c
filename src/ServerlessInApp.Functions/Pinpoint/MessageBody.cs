namespace ServerlessInApp.Functions.Pinpoint;

/// <summary>Pinpoint's MessageBody, also every error body. Note <c>RequestID</c> with a capital D.</summary>
public sealed record MessageBody(string Message, string RequestID);
