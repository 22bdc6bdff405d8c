using System.Globalization;

namespace ServerlessInApp.Storage;

/// <summary>
/// Every key of the single table (docs/data-model.md explains each access pattern).
///   APPS                         / APP#{appId}           app list entry (GetApps)
///   APP#{appId}                  / #APP                  app, with the catalog version stamp
///   APP#{appId}                  / CAMPAIGN#{id}         campaign   } one Query of APP#{appId} loads the whole catalog
///   APP#{appId}                  / SEGMENT#{id}          segment    }
///   TEMPLATES                    / TEMPLATE#{name}       template summary (ListTemplates with a name prefix)
///   TEMPLATE#{name}              / VERSION#{0000000001}  one template version (zero-padded so versions sort)
///   ENDPOINT#{appId}#{endpointId}/ #PROFILE              endpoint profile  } one Query of the endpoint's partition
///   ENDPOINT#{appId}#{endpointId}/ ENTITLEMENT#{campaign} entitlement      } answers GetInAppMessages
///   ENDPOINT#{appId}#{endpointId}/ DISPLAYS#{campaign|*}  display counter  }
///   ENDPOINT#{appId}#{endpointId}/ #SESSION              current session   }
///   SEEN#{appId}#{endpointId}    / EVENT#{eventId}       one event's metric contribution (idempotency, TTL)
///   SEEN#{appId}#{endpointId}    / DISPLAYED#{campaignId}#{yyyy-MM-dd}#TREATMENT#{id}  its unique display that day was counted (TTL)
///   METRICS#{appId}#{campaignId} / DAY#{yyyy-MM-dd}#TREATMENT#{id}  a campaign's daily counters
/// App ids are hex and campaign ids are hex, so a '#' inside an endpoint id or template name cannot collide.
/// </summary>
public static class Keys
{
    public const string AppList = "APPS";
    public const string AppItem = "#APP";
    public const string ProfileItem = "#PROFILE";
    public const string TemplateList = "TEMPLATES";
    public const string CampaignPrefix = "CAMPAIGN#";
    public const string SegmentPrefix = "SEGMENT#";
    public const string TemplatePrefix = "TEMPLATE#";
    public const string VersionPrefix = "VERSION#";
    public const string EntitlementPrefix = "ENTITLEMENT#";
    public const string DisplaysPrefix = "DISPLAYS#";
    public const string SessionItem = "#SESSION";
    public const string DayPrefix = "DAY#";

    public static string App(string appId) => "APP#" + appId;
    public static string AppListEntry(string appId) => "APP#" + appId;
    public static string Campaign(string campaignId) => CampaignPrefix + campaignId;
    public static string Segment(string segmentId) => SegmentPrefix + segmentId;
    public static string TemplateSummary(string name) => TemplatePrefix + name;
    public static string Template(string name) => TemplatePrefix + name;
    public static string TemplateVersion(int version) => VersionPrefix + version.ToString("D10", CultureInfo.InvariantCulture);
    public static string Endpoint(string appId, string endpointId) => "ENDPOINT#" + appId + "#" + endpointId;
    public static string Entitlement(string campaignId) => EntitlementPrefix + campaignId;
    public static string Displays(string scope) => DisplaysPrefix + scope;
    public static string Seen(string appId, string endpointId) => "SEEN#" + appId + "#" + endpointId;
    public static string SeenEvent(string eventId) => "EVENT#" + eventId;
    public static string FirstDisplay(string campaignId, string day, string treatmentId) => "DISPLAYED#" + campaignId + "#" + day + "#TREATMENT#" + treatmentId;
    public static string Metrics(string appId, string campaignId) => "METRICS#" + appId + "#" + campaignId;
    public static string MetricDay(string day, string treatmentId) => DayPrefix + day + "#TREATMENT#" + treatmentId;
}
