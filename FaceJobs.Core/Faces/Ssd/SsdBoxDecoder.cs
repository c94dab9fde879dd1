namespace FaceJobs.Core.Faces.Ssd;

/// <summary>A box as fractions of the SSD input square: top, left, bottom, right.</summary>
internal readonly record struct NormalizedBox(float Top, float Left, float Bottom, float Right)
{
    public float Area => (Bottom - Top) * (Right - Left);
}

/// <summary>
/// Decodes SSD box encodings against their anchors as face-api's outputLayer.ts does (TF Object
/// Detection's faster-RCNN box coder with scale factors 10, 10, 5, 5).
/// </summary>
internal static class SsdBoxDecoder
{
    /// <param name="encoding">ty, tx, th, tw for one anchor.</param>
    /// <param name="anchor">ymin, xmin, ymax, xmax of that anchor.</param>
    public static NormalizedBox Decode(ReadOnlySpan<float> encoding, ReadOnlySpan<float> anchor)
    {
        var anchorHeight = anchor[2] - anchor[0];
        var anchorWidth = anchor[3] - anchor[1];
        var anchorCentreY = anchor[0] + (anchorHeight / 2);
        var anchorCentreX = anchor[1] + (anchorWidth / 2);

        var halfHeight = MathF.Exp(encoding[2] / 5) * anchorHeight / 2;
        var centreY = (encoding[0] / 10 * anchorHeight) + anchorCentreY;
        var halfWidth = MathF.Exp(encoding[3] / 5) * anchorWidth / 2;
        var centreX = (encoding[1] / 10 * anchorWidth) + anchorCentreX;
        return new NormalizedBox(centreY - halfHeight, centreX - halfWidth, centreY + halfHeight, centreX + halfWidth);
    }
}
