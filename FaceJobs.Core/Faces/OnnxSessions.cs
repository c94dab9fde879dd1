using Microsoft.ML.OnnxRuntime;

namespace FaceJobs.Core.Faces;

/// <summary>Creates inference sessions the same way for every model.</summary>
internal static class OnnxSessions
{
    public static InferenceSession Create(string modelPath, int intraOpThreads)
    {
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"ONNX model not found: {modelPath}", modelPath);
        }

        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        return new InferenceSession(modelPath, options);
    }
}
