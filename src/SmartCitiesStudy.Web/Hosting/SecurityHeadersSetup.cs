namespace SmartCitiesStudy.Web.Hosting;

/// <summary>
/// Security headers for every response. Scripts only from this site (no inline script); styles allow inline
/// attributes because MudBlazor positions popovers and sets colours through style attributes.
/// </summary>
public static class SecurityHeadersSetup
{
    public static HeaderPolicyCollection Policy(bool isDevelopment) => Build(isDevelopment, inlineScripts: false);

    /// <summary>
    /// For the API reference page only (<c>/scalar</c>): Scalar starts from an inline module script. The page shows
    /// no user data and its script is served from this site.
    /// </summary>
    public static HeaderPolicyCollection ApiReferencePolicy(bool isDevelopment) => Build(isDevelopment, inlineScripts: true);

    private static HeaderPolicyCollection Build(bool isDevelopment, bool inlineScripts)
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
                var scripts = b.AddScriptSrc().Self();
                if (inlineScripts)
                {
                    scripts.UnsafeInline();
                }

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
