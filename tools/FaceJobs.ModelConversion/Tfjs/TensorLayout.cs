namespace FaceJobs.ModelConversion.Tfjs;

internal static class TensorLayout
{
    /// <summary>
    /// Row-major transpose of raw elements: output axis i is input axis <paramref name="permutation"/>[i]
    /// (numpy/ONNX Transpose semantics). Works on stored bytes, so quantized weights stay exact.
    /// </summary>
    public static byte[] Transpose(byte[] data, int elementSize, int[] shape, int[] permutation)
    {
        if (permutation.Length != shape.Length || permutation.Order().Where((axis, i) => axis != i).Any())
        {
            throw new ArgumentException($"[{string.Join(',', permutation)}] is not a permutation of {shape.Length} axes.");
        }

        var rank = shape.Length;
        var inputStrides = new long[rank];
        var stride = 1L;
        for (var axis = rank - 1; axis >= 0; axis--)
        {
            inputStrides[axis] = stride;
            stride *= shape[axis];
        }

        if (stride * elementSize != data.Length)
        {
            throw new ArgumentException($"Shape [{string.Join(',', shape)}] does not match {data.Length} bytes.");
        }

        var outputShape = permutation.Select(axis => shape[axis]).ToArray();
        var index = new int[rank];
        var result = new byte[data.Length];
        for (long outputOffset = 0; outputOffset < stride; outputOffset++)
        {
            var inputOffset = 0L;
            for (var axis = 0; axis < rank; axis++)
            {
                inputOffset += index[axis] * inputStrides[permutation[axis]];
            }

            Buffer.BlockCopy(data, (int)(inputOffset * elementSize), result, (int)(outputOffset * elementSize), elementSize);
            for (var axis = rank - 1; axis >= 0 && ++index[axis] == outputShape[axis]; axis--)
            {
                index[axis] = 0;
            }
        }

        return result;
    }
}
