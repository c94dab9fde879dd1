using FaceJobs.Core.Faces.Alignment;
using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces.Mesh;

/// <summary>
/// MediaPipe's Face Mesh (468 points) on ONNX Runtime. The face is cut as MediaPipe's face landmark graph cuts it from
/// a detection: a square around the box's centre, <see cref="FaceMeshOptions.CropScale"/> times its longer side,
/// turned so that the detector's eyes lie level, resampled to the net's input size; the points are mapped back
/// through the same transform.
/// </summary>
public sealed class FaceMeshNet : IDisposable
{
    public const int PointCount = 468;

    // Output names the converter gives (tools/FaceJobs.ModelConversion/Networks/FaceMeshConverter.cs).
    private const string MeshOutput = "mesh";
    private const string FlagOutput = "face_flag";

    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly int _inputSize;
    private readonly double _cropScale;

    public FaceMeshNet(FaceMeshOptions options)
    {
        _session = OnnxSessions.Create(options.ModelPath, new OnnxSessionSettings(options.IntraOpThreads, options.ExecutionProvider));
        (_inputName, _inputSize) = OnnxSessions.SquareNhwcInput(_session, options.ModelPath);
        if (!_session.OutputMetadata.ContainsKey(MeshOutput) || !_session.OutputMetadata.ContainsKey(FlagOutput))
            throw new InvalidOperationException($"{options.ModelPath}: expected the outputs '{MeshOutput}' and '{FlagOutput}'.");
        _cropScale = options.CropScale;
    }

    /// <summary>
    /// The 468 points of the face in <paramref name="box"/>, in image pixels (x, y; the net's depth is dropped), and
    /// the net's probability that the crop shows a face at all.
    /// </summary>
    public FaceMesh Locate(Image<Rgb24> image, RectangleF box, IReadOnlyList<PointF> keypoints)
    {
        var cropToImage = CropToImage(box, keypoints, _cropScale, _inputSize);
        using var crop = ChipSampler.Sample(image, cropToImage, _inputSize);
        var (mesh, faceFlag) = RunNetwork(crop);
        // The net's coordinates run over the whole crop (pixel i spans i to i + 1); the sampler put pixel i's centre at i.
        var points = new PointF[PointCount];
        for (var i = 0; i < PointCount; i++)
            points[i] = cropToImage.Apply(new PointF(mesh[3 * i] - 0.5f, mesh[(3 * i) + 1] - 0.5f));
        return new FaceMesh(points, faceFlag);
    }

    /// <summary>Crop pixels to image pixels: centred on the box, eyes level when the detector gave them.</summary>
    internal static SimilarityTransform CropToImage(RectangleF box, IReadOnlyList<PointF> keypoints, double cropScale, int inputSize)
    {
        var angle = 0.0;
        if (keypoints.Count > (int)FaceKeypoint.LeftEye)
        {
            var (right, left) = (keypoints[(int)FaceKeypoint.RightEye], keypoints[(int)FaceKeypoint.LeftEye]);
            angle = Math.Atan2(left.Y - right.Y, left.X - right.X);
        }

        var scale = cropScale * Math.Max(box.Width, box.Height) / inputSize;
        var (a, b) = (scale * Math.Cos(angle), scale * Math.Sin(angle));
        var (centreX, centreY) = (box.X + (box.Width / 2.0), box.Y + (box.Height / 2.0));
        var half = (inputSize - 1) / 2.0; // the middle of pixels 0 .. size - 1, which the sampler reads at whole coordinates
        return new SimilarityTransform(a, b, centreX - ((a * half) - (b * half)), centreY - ((b * half) + (a * half)));
    }

    /// <summary>Raw network output for a crop of the input size: x, y, z of each point, x and y in crop pixels; the face flag.</summary>
    internal (float[] Mesh, float FaceFlag) RunNetwork(Image<Rgb24> crop)
    {
        if (crop.Width != _inputSize || crop.Height != _inputSize)
            throw new ArgumentException($"Expected a {_inputSize}x{_inputSize} crop, got {crop.Width}x{crop.Height}.", nameof(crop));

        using var pixels = new PooledTensor(_inputSize * _inputSize * 3);
        var buffer = pixels.Buffer;
        crop.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < _inputSize; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < _inputSize; x++)
                {
                    var offset = 3 * ((y * _inputSize) + x);
                    buffer[offset] = row[x].R / 255f;
                    buffer[offset + 1] = row[x].G / 255f;
                    buffer[offset + 2] = row[x].B / 255f;
                }
            }
        });
        using var input = pixels.ToOrtValue([1, _inputSize, _inputSize, 3]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_inputName], [input], [MeshOutput, FlagOutput]);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[1].GetTensorDataAsSpan<float>()[0]);
    }

    public void Dispose() => _session.Dispose();
}

/// <summary>A face's mesh points in image pixels, and the mesh net's probability that it saw a face.</summary>
public sealed record FaceMesh(PointF[] Points, float FaceFlag);
