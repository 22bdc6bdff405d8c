using ServerlessInApp.Core.Campaigns;

namespace ServerlessInApp.Core.Entitlements;

/// <summary>A campaign an endpoint may be shown now, with what GetInAppMessages tells the device about it.</summary>
public sealed record DeliverableMessage(LiveCampaign Campaign, string TreatmentId);
