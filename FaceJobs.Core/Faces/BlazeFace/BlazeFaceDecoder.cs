namespace FaceJobs.Core.Faces.BlazeFace;

/// <summary>
/// Turns one output head (scores [A,1], regressors [A,16]) into candidates in input pixels. Regressors hold
/// the box centre offset from the anchor, box size, then six keypoints, all in input pixels.
/// </summary>
internal static class BlazeFaceDecoder
{
    public const int RegressorLength = 4 + (2 * FaceCandidate.KeypointCount);

    // MediaPipe clips raw scores to ±100 before the sigmoid.
    private const float ScoreClip = 100f;

    public static float Sigmoid(float raw) => 1f / (1f + MathF.Exp(-Math.Clamp(raw, -ScoreClip, ScoreClip)));

    public static void Decode(
        ReadOnlySpan<float> rawScores,
        ReadOnlySpan<float> regressors,
        ReadOnlySpan<(float X, float Y)> anchors,
        float scoreThreshold,
        float inputSize,
        List<FaceCandidate> into)
    {
        if (rawScores.Length != anchors.Length || regressors.Length != anchors.Length * RegressorLength)
        {
            throw new ArgumentException(
                $"Output sizes ({rawScores.Length} scores, {regressors.Length} regressors) do not match {anchors.Length} anchors.");
        }

        for (var i = 0; i < anchors.Length; i++)
        {
            var score = Sigmoid(rawScores[i]);
            if (score < scoreThreshold)
            {
                continue;
            }

            into.Add(ToCandidate(regressors.Slice(i * RegressorLength, RegressorLength), anchors[i], score, inputSize));
        }
    }

    /// <summary>
    /// Decodes the full-range model's single output [A,17]: per anchor the score logit followed by its 16 regressors.
    /// </summary>
    public static void DecodeInterleaved(
        ReadOnlySpan<float> detections,
        ReadOnlySpan<(float X, float Y)> anchors,
        float scoreThreshold,
        float inputSize,
        List<FaceCandidate> into)
    {
        const int stride = 1 + RegressorLength;
        if (detections.Length != anchors.Length * stride)
        {
            throw new ArgumentException($"Output size {detections.Length} does not match {anchors.Length} anchors of {stride} values.");
        }

        for (var i = 0; i < anchors.Length; i++)
        {
            var score = Sigmoid(detections[i * stride]);
            if (score >= scoreThreshold)
            {
                into.Add(ToCandidate(detections.Slice((i * stride) + 1, RegressorLength), anchors[i], score, inputSize));
            }
        }
    }

    private static FaceCandidate ToCandidate(ReadOnlySpan<float> r, (float X, float Y) anchor, float score, float inputSize)
    {
        var anchorX = anchor.X * inputSize;
        var anchorY = anchor.Y * inputSize;
        var centreX = anchorX + r[0];
        var centreY = anchorY + r[1];
        var keypoints = new float[2 * FaceCandidate.KeypointCount];
        for (var k = 0; k < FaceCandidate.KeypointCount; k++)
        {
            keypoints[2 * k] = anchorX + r[4 + (2 * k)];
            keypoints[(2 * k) + 1] = anchorY + r[5 + (2 * k)];
        }

        return new FaceCandidate(centreX - (r[2] / 2), centreY - (r[3] / 2), r[2], r[3], score, keypoints);
    }
}
