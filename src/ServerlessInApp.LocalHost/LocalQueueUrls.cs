namespace ServerlessInApp.LocalHost;

/// <summary>The local queues' URLs, for the redrive command and for tests.</summary>
public sealed record LocalQueueUrls(string EventsQueueUrl, string DeadLetterQueueUrl);
