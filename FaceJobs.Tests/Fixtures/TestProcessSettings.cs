using System.Runtime.CompilerServices;

namespace FaceJobs.Tests.Fixtures;

/// <summary>Settings every app the tests start takes from this process's environment (child processes inherit it).</summary>
internal static class TestProcessSettings
{
    /// <summary>
    /// The test runner runs other test collections beside an app at normal priority, so an app's niced inference
    /// threads (<c>Pipeline:WorkerNiceness</c>) got a tenth of the CPU: a 1920×1367 photo took 18.5 s to detect instead
    /// of 4.2 s beside two busy processes, and a CI run timed out at 90 s. Niceness is tested on its own
    /// (BackgroundCpuTests); here the apps run their jobs at the test runner's priority.
    /// </summary>
    [ModuleInitializer]
    internal static void RunJobsAtTheRunnersPriority() =>
        Environment.SetEnvironmentVariable("Pipeline__WorkerNiceness", "0");
}
