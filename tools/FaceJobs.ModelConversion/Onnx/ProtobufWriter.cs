using System.Buffers.Binary;
using System.Text;

namespace FaceJobs.ModelConversion.Onnx;

/// <summary>
/// Minimal protobuf wire-format writer: just the field kinds ONNX needs. Output depends only on the
/// calls made, so the same calls always give the same bytes.
/// </summary>
internal sealed class ProtobufWriter
{
    private const int VarintWireType = 0;
    private const int Fixed32WireType = 5;
    private const int LengthDelimitedWireType = 2;

    private readonly MemoryStream _buffer = new();

    public void WriteInt64(int fieldNumber, long value)
    {
        WriteTag(fieldNumber, VarintWireType);
        WriteVarint(unchecked((ulong)value));
    }

    public void WriteFloat(int fieldNumber, float value)
    {
        WriteTag(fieldNumber, Fixed32WireType);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        _buffer.Write(bytes);
    }

    public void WriteString(int fieldNumber, string value) => WriteBytes(fieldNumber, Encoding.UTF8.GetBytes(value));

    public void WriteBytes(int fieldNumber, ReadOnlySpan<byte> value)
    {
        WriteTag(fieldNumber, LengthDelimitedWireType);
        WriteVarint((ulong)value.Length);
        _buffer.Write(value);
    }

    public void WriteMessage(int fieldNumber, Action<ProtobufWriter> writeBody)
    {
        var nested = new ProtobufWriter();
        writeBody(nested);
        WriteBytes(fieldNumber, nested.ToArray());
    }

    public byte[] ToArray() => _buffer.ToArray();

    private void WriteTag(int fieldNumber, int wireType) => WriteVarint((ulong)((fieldNumber << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _buffer.WriteByte((byte)value);
    }
}
