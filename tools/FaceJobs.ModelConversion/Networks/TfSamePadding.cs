namespace FaceJobs.ModelConversion.Networks;

/// <summary>
/// TensorFlow's 'same' padding as explicit ONNX pads. At stride 2 on an even size TF pads only the
/// end (bottom/right), which ONNX's auto_pad SAME_UPPER would match but explicit pads state plainly.
/// </summary>
internal static class TfSamePadding
{
    /// <summary>Pads before and after one spatial axis, and the output size along it.</summary>
    public static (int Begin, int End, int OutputSize) For(int inputSize, int kernel, int stride)
    {
        var outputSize = (inputSize + stride - 1) / stride;
        var total = Math.Max(((outputSize - 1) * stride) + kernel - inputSize, 0);
        return (total / 2, total - (total / 2), outputSize);
    }
}
