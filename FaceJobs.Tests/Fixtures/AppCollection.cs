namespace FaceJobs.Tests.Fixtures;

/// <summary>
/// Tests that start whole apps run one at a time: each runs real inference on the machine's two cores, and Hangfire
/// keeps a little process-wide state (JobStorage.Current).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppCollection
{
    public const string Name = "Whole app";
}
