namespace ServerlessInApp.Functions.Pinpoint;

public sealed record TemplateCreateMessageBody(string Arn, string Message, string RequestID);
