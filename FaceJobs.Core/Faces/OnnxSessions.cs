using Microsoft.ML.OnnxRuntime;

namespace FaceJobs.Core.Faces;

/// <summary>Where inference runs (<c>Faces:ExecutionProvider</c>).</summary>
public enum FaceExecutionProvider
{
    /// <summary>ONNX Runtime's CPU provider; the default build.</summary>
    Cpu,

    /// <summary>NVIDIA CUDA; needs the GPU build (<c>-p:FaceJobsGpu=true</c>), a GPU, its driver, CUDA 13 and cuDNN 9.</summary>
    Cuda,
}

/// <summary>
/// How an ONNX Runtime session runs. Threads and provider come from <see cref="FaceOptions"/>; the rest are the values
/// docs/benchmarks.md measured best (full graph optimisation, the CPU memory arena on, one inter-op thread: the
/// models run sequentially and parallelism across photos comes from the job workers).
/// </summary>
public sealed record OnnxSessionSettings(int IntraOpThreads = 1, FaceExecutionProvider Provider = FaceExecutionProvider.Cpu)
{
    public GraphOptimizationLevel GraphOptimization { get; init; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

    public bool MemoryArena { get; init; } = true;

    public bool MemoryPattern { get; init; } = true;

    public int InterOpThreads { get; init; } = 1;

    public static OnnxSessionSettings From(FaceOptions options) => new(options.IntraOpThreads, options.ExecutionProvider);

    public string Describe() =>
        $"{Provider}, {IntraOpThreads} intra-op / {InterOpThreads} inter-op threads, {GraphOptimization}, arena {(MemoryArena ? "on" : "off")}, " +
        $"memory pattern {(MemoryPattern ? "on" : "off")}";
}

/// <summary>Creates inference sessions the same way for every model.</summary>
internal static class OnnxSessions
{
    private const string CudaProvider = "CUDAExecutionProvider";

    /// <summary>The name and side S of a session's one image input, which must be NHWC [N,S,S,3] (the BlazeFace models).</summary>
    public static (string Name, int Size) SquareNhwcInput(InferenceSession session, string modelPath)
    {
        var input = session.InputMetadata.Single();
        var dimensions = input.Value.Dimensions;
        if (dimensions.Length != 4 || dimensions[1] != dimensions[2] || dimensions[3] != 3)
        {
            throw new InvalidOperationException($"{modelPath}: expected an NHWC input [N,S,S,3], found [{string.Join(',', dimensions)}].");
        }

        return (input.Key, dimensions[1]);
    }

    public static InferenceSession Create(string modelPath, OnnxSessionSettings settings)
    {
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"ONNX model not found: {modelPath}", modelPath);
        }

        using var options = new SessionOptions
        {
            IntraOpNumThreads = settings.IntraOpThreads,
            InterOpNumThreads = settings.InterOpThreads,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = settings.GraphOptimization,
            EnableCpuMemArena = settings.MemoryArena,
            EnableMemoryPattern = settings.MemoryPattern,
        };
        if (settings.Provider == FaceExecutionProvider.Cuda)
        {
            options.AppendExecutionProvider_CUDA(0);
        }

        return new InferenceSession(modelPath, options);
    }

    /// <summary>
    /// Why CUDA cannot run here (a CPU-only build, or no device or library), by creating a CUDA session of
    /// <paramref name="modelPath"/>; null when it can.
    /// </summary>
    public static string? WhyCudaIsUnavailable(string modelPath)
    {
        if (!OrtEnv.Instance().GetAvailableProviders().Contains(CudaProvider))
        {
            return "this build has ONNX Runtime for CPU only; build FaceJobs with -p:FaceJobsGpu=true " +
                "(Microsoft.ML.OnnxRuntime.Gpu.Linux) or set Faces:ExecutionProvider to Cpu.";
        }

        try
        {
            using var session = Create(modelPath, new OnnxSessionSettings(1, FaceExecutionProvider.Cuda));
            return null;
        }
        catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException)
        {
            return $"ONNX Runtime's CUDA provider could not start ({e.Message.Trim()}). It needs an NVIDIA GPU with its driver, " +
                "the CUDA and cuDNN libraries this ONNX Runtime build was made for (1.31: CUDA 13, cuDNN 9) on the library path; " +
                "otherwise set Faces:ExecutionProvider to Cpu.";
        }
    }
}
