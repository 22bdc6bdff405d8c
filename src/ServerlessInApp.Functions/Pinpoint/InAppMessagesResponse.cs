namespace ServerlessInApp.Functions.Pinpoint;

public sealed record InAppMessagesResponse(IReadOnlyList<InAppMessageCampaign> InAppMessageCampaigns);
