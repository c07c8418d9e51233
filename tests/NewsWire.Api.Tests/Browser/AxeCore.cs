namespace NewsWire.Api.Tests.Browser;

/// <summary>
/// axe-core, the accessibility engine, from the npm package the TypeScript client pins
/// (clients/typescript/node_modules/axe-core, installed by `npm ci` there). Missing outside CI, the
/// accessibility tests skip with a message; under CI they fail.
/// </summary>
internal static class AxeCore
{
    public static string? ScriptPath { get; } = Locate();

    public static string? SkipReason =>
        ScriptPath is null && !Chromium.RequiredByCi
            ? "Accessibility test skipped: axe-core is not installed; run `npm ci` in clients/typescript."
            : null;

    public static string Script => File.ReadAllText(ScriptPath ?? throw new InvalidOperationException(
        "axe-core is missing: CI must run `npm ci` in clients/typescript before `dotnet test`."));

    private static string? Locate()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var script = Path.Combine(folder.FullName, "clients", "typescript", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(script))
            {
                return script;
            }
        }

        return null;
    }
}
