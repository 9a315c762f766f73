namespace SmartCitiesStudy.Web;

/// <summary>
/// Marker for the UI's shared string resources (Resources/SharedResource.*.resx). Keys are the English text, so the
/// English UI needs no resource file and a missing translation falls back to English.
/// </summary>
public sealed class SharedResource
{
    private SharedResource()
    {
    }
}
