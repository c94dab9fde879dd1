namespace FaceJobs.ModelConversion.Onnx;

/// <summary>
/// Writes an <see cref="OnnxModel"/> as an ONNX ModelProto. Field numbers follow
/// https://github.com/onnx/onnx/blob/main/onnx/onnx.proto (proto2, so repeated scalars are written unpacked).
/// </summary>
internal static class OnnxModelSerializer
{
    public static byte[] Serialize(OnnxModel model)
    {
        var writer = new ProtobufWriter();
        writer.WriteInt64(1, model.IrVersion);
        writer.WriteString(2, model.ProducerName);
        writer.WriteString(3, model.ProducerVersion);
        writer.WriteString(6, model.DocString);
        writer.WriteMessage(7, graph => WriteGraph(graph, model.Graph));
        writer.WriteMessage(8, opset =>
        {
            opset.WriteString(1, string.Empty);
            opset.WriteInt64(2, model.OpsetVersion);
        });
        return writer.ToArray();
    }

    private static void WriteGraph(ProtobufWriter writer, OnnxGraph graph)
    {
        foreach (var node in graph.Nodes)
        {
            writer.WriteMessage(1, w => WriteNode(w, node));
        }

        writer.WriteString(2, graph.Name);
        foreach (var tensor in graph.Initializers)
        {
            writer.WriteMessage(5, w => WriteTensor(w, tensor));
        }

        foreach (var input in graph.Inputs)
        {
            writer.WriteMessage(11, w => WriteValueInfo(w, input));
        }

        foreach (var output in graph.Outputs)
        {
            writer.WriteMessage(12, w => WriteValueInfo(w, output));
        }
    }

    private static void WriteNode(ProtobufWriter writer, OnnxNode node)
    {
        foreach (var input in node.Inputs)
        {
            writer.WriteString(1, input);
        }

        foreach (var output in node.Outputs)
        {
            writer.WriteString(2, output);
        }

        writer.WriteString(3, node.Name);
        writer.WriteString(4, node.OpType);
        foreach (var attribute in node.Attributes)
        {
            writer.WriteMessage(5, w => WriteAttribute(w, attribute));
        }
    }

    private static void WriteAttribute(ProtobufWriter writer, OnnxAttribute attribute)
    {
        writer.WriteString(1, attribute.Name);
        switch (attribute.Kind)
        {
            case OnnxAttributeKind.Float:
                writer.WriteFloat(2, attribute.FloatValue);
                break;
            case OnnxAttributeKind.Int:
                writer.WriteInt64(3, attribute.IntValue);
                break;
            case OnnxAttributeKind.String:
                writer.WriteString(4, attribute.StringValue!);
                break;
            case OnnxAttributeKind.Ints:
                foreach (var value in attribute.IntsValue!)
                {
                    writer.WriteInt64(8, value);
                }

                break;
            default:
                throw new NotSupportedException($"Attribute kind {attribute.Kind} is not supported.");
        }

        writer.WriteInt64(20, (long)attribute.Kind);
    }

    private static void WriteTensor(ProtobufWriter writer, OnnxTensor tensor)
    {
        foreach (var dim in tensor.Dims)
        {
            writer.WriteInt64(1, dim);
        }

        writer.WriteInt64(2, (long)tensor.DataType);
        writer.WriteString(8, tensor.Name);
        writer.WriteBytes(9, tensor.RawData);
    }

    private static void WriteValueInfo(ProtobufWriter writer, OnnxValueInfo info)
    {
        writer.WriteString(1, info.Name);
        writer.WriteMessage(2, type => type.WriteMessage(1, tensorType =>
        {
            tensorType.WriteInt64(1, (long)info.ElementType);
            tensorType.WriteMessage(2, shape =>
            {
                foreach (var dim in info.Shape)
                {
                    shape.WriteMessage(1, d =>
                    {
                        if (dim.Value is { } value)
                        {
                            d.WriteInt64(1, value);
                        }
                        else
                        {
                            d.WriteString(2, dim.Parameter!);
                        }
                    });
                }
            });
        }));
    }
}
