namespace FaceJobs.Core.Faces;

/// <summary>
/// The settings every secondary model's options share: its file, resolved like the main models' paths, and the threads
/// and execution provider copied from <c>Faces</c>, so one place says how every ONNX session runs.
/// </summary>
public interface IModelFileOptions
{
    string ModelPath { get; set; }

    int IntraOpThreads { get; set; }

    FaceExecutionProvider ExecutionProvider { get; set; }
}
