namespace SmartCitiesStudy.Web.Hosting;

/// <summary>
/// Security headers for every response. Scripts only from this site (no inline script); styles allow inline
/// attributes because MudBlazor positions popovers and sets colours through style attributes.
/// </summary>
public static class SecurityHeadersSetup
{
    public static HeaderPolicyCollection Policy(bool isDevelopment)
    {
        var policy = new HeaderPolicyCollection()
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
            .RemoveServerHeader()
            .AddPermissionsPolicy(b =>
            {
                b.AddCamera().None();
                b.AddMicrophone().None();
                b.AddGeolocation().None();
                b.AddPayment().None();
            })
            .AddContentSecurityPolicy(b =>
            {
                b.AddDefaultSrc().Self();
                b.AddScriptSrc().Self();
                b.AddStyleSrc().Self().UnsafeInline();
                b.AddImgSrc().Self().Data();
                b.AddFontSrc().Self().Data();
                b.AddConnectSrc().Self();
                b.AddObjectSrc().None();
                b.AddBaseUri().Self();
                b.AddFormAction().Self();
                b.AddFrameAncestors().None();
            });
        if (!isDevelopment)
        {
            policy.AddStrictTransportSecurityMaxAge(maxAgeInSeconds: 60 * 60 * 24 * 365);
        }

        return policy;
    }
}
