namespace FaceJobs.Core.Faces.BlazeFace;

/// <summary>
/// Anchor centres of MediaPipe's BlazeFace back-camera model (256×256 input): a 16×16 grid with 2 anchors
/// a cell followed by an 8×8 grid with 6 anchors a cell, 896 in all, in the order of the model's outputs.
/// </summary>
internal static class BlazeFaceAnchors
{
    public const int InputSize = 256;

    /// <summary>Cells along one side and anchors a cell, for each output head, in output order.</summary>
    public static readonly (int Cells, int PerCell)[] Heads = [(16, 2), (8, 6)];

    /// <summary>
    /// The full-range model (192×192) has one anchor a cell on a grid of stride 4 (48×48, 2,304 anchors): MediaPipe's
    /// face_detection_full_range.pbtxt, SsdAnchorsCalculator with num_layers 1, strides [4], fixed_anchor_size.
    /// </summary>
    public const int FullRangeStride = 4;

    public static int CountFor(int cells, int perCell) => cells * cells * perCell;

    /// <summary>Anchor centres of the full-range model for its square input side.</summary>
    public static (float X, float Y)[] FullRange(int inputSize) => Generate(inputSize / FullRangeStride, 1);

    /// <summary>Anchor centres in normalised [0,1] input coordinates for one head (row-major, anchors innermost).</summary>
    public static (float X, float Y)[] Generate(int cells, int perCell)
    {
        var anchors = new (float X, float Y)[CountFor(cells, perCell)];
        var index = 0;
        for (var row = 0; row < cells; row++)
        {
            for (var column = 0; column < cells; column++)
            {
                for (var k = 0; k < perCell; k++)
                {
                    anchors[index++] = ((column + 0.5f) / cells, (row + 0.5f) / cells);
                }
            }
        }

        return anchors;
    }
}
