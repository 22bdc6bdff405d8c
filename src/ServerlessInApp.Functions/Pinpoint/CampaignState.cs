namespace ServerlessInApp.Functions.Pinpoint;

public sealed record CampaignState(string CampaignStatus);
