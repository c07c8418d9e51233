using System.Xml.Linq;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Operations;

/// <summary>
/// No Docker engine runs where the tests do, so the image's build is checked from its files: the restore layer is
/// made from project files alone, and a project it leaves out fails `docker build` (the PostgreSQL provider once did).
/// </summary>
public sealed class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(Repository.Root, "Dockerfile"));

    [Fact]
    public void TheRestoreLayerCopiesEveryProjectTheServiceBuildsFrom()
    {
        var copied = CopiedBeforeRestore().ToHashSet(StringComparer.Ordinal);

        ProjectsOf("src/NewsWire.Api/NewsWire.Api.csproj").Should().OnlyContain(project => copied.Contains(project),
            "every project in the service's references must be restored inside the image");
    }

    [Fact]
    public void TheRestoreLayerCopiesTheBuildSettings()
    {
        // .editorconfig silences analyzer rules the build otherwise treats as errors (TreatWarningsAsErrors).
        CopiedBeforeRestore().Should().Contain(["global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig"]);
    }

    [Fact]
    public void TheHostsBuildOutputStaysOutOfTheContext()
    {
        // COPY src/ would otherwise bring the host's obj/project.assets.json over the restore made in the image.
        var ignored = File.ReadAllLines(Path.Combine(Repository.Root, ".dockerignore")).Select(line => line.Trim());

        ignored.Should().Contain(["**/bin/", "**/obj/"]);
    }

    /// <summary>The files the COPY lines before <c>RUN dotnet restore</c> bring in, as paths from the root.</summary>
    private static IEnumerable<string> CopiedBeforeRestore()
    {
        foreach (var line in Lines.TakeWhile(line => !line.StartsWith("RUN dotnet restore", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is ["COPY", .. var sources, _] && !sources.Any(source => source.StartsWith("--", StringComparison.Ordinal)))
            {
                foreach (var source in sources)
                {
                    yield return source;
                }
            }
        }
    }

    /// <summary>A project and every project it references, directly or not, as paths from the root.</summary>
    private static HashSet<string> ProjectsOf(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(Path.Combine(Repository.Root, next))!;
            foreach (var reference in XDocument.Load(Path.Combine(Repository.Root, next)).Descendants("ProjectReference"))
            {
                var path = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Repository.Root, path).Replace('\\', '/'));
            }
        }

        return found;
    }
}
