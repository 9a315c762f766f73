namespace SmartCitiesStudy.Infrastructure.DataProtection;

/// <summary>
/// The Data Protection keys cannot be protected as configured (missing or unreadable certificate). Its message is one
/// line that names the setting to fix; the web app prints it and refuses to start, the CLI prints it as an error.
/// </summary>
public sealed class KeyProtectionException : InvalidOperationException
{
    public KeyProtectionException(string message)
        : base(message)
    {
    }

    public KeyProtectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
