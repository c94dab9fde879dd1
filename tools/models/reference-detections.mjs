// Writes FaceJobs.Tests/TestData/ssd-reference.json and landmarks-reference.json: face-api's own
// SSD-MobileNetV1 and FaceLandmark68Net outputs (tfjs WASM backend), so the converted ONNX models
// can be checked against the originals.
//  - ssd: per photo the final detections (minConfidence 0.5, maxResults 100, face-api's NMS), and for
//    the images in rawFor the full decoded output: 5118 boxes (ymin, xmin, ymax, xmax in [0,1]) + scores.
//  - landmarks: per face found in a PNG input, the integer crop face-api cuts (extractFaceTensors),
//    the raw 136 net outputs on that crop, and the 68 points in image pixels.
// JPEG decoders differ (jpeg-js here, ImageSharp in .NET: up to 3 levels, mean 0.46 on sample1), so
// the exact checks use PNG inputs: the committed chips and samples/sample5-640.png, which this script
// makes from sample5.jpg (tf.image.resizeBilinear to 640 px wide). The JPEG photos get detections only.
import fs from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { faceapi, faceApiModelDir, initWasm, repoRoot, tf } from './lib/face-api-wasm.mjs';

const testDataDir = path.join(repoRoot, 'FaceJobs.Tests', 'TestData');
const samplesDir = path.join(testDataDir, 'samples');
const rawFor = new Set(['samples/sample5-640.png', 'chips/sample1-face.png']);
const round = (v) => Math.round(v * 1e6) / 1e6;


function readImage(file) {
  if (file.endsWith('.png')) {
    const png = PNG.sync.read(fs.readFileSync(file));
    const rgb = new Int32Array(png.width * png.height * 3);
    for (let i = 0; i < png.width * png.height; i++) rgb.set(png.data.subarray(4 * i, 4 * i + 3), 3 * i);
    return { width: png.width, height: png.height, data: rgb };
  }
  return jpeg.decode(fs.readFileSync(file), { useTArray: true, formatAsRGBA: false });
}

function writeDownscaledPng(source, target, width) {
  const decoded = readImage(source);
  const height = Math.round((decoded.height * width) / decoded.width);
  const resized = tf.tidy(() => tf.image
    .resizeBilinear(tf.tensor3d(decoded.data, [decoded.height, decoded.width, 3], 'int32').toFloat(), [height, width])
    .round().clipByValue(0, 255).toInt().dataSync());
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set([resized[3 * i], resized[3 * i + 1], resized[3 * i + 2], 255], 4 * i);
  fs.writeFileSync(target, PNG.sync.write(png, { colorType: 2 }));
}

const groupDir = path.join(testDataDir, 'faces', 'group');
const chipsDir = path.join(testDataDir, 'chips');
const runtime = await initWasm();
console.log(runtime);
writeDownscaledPng(path.join(samplesDir, 'sample5.jpg'), path.join(samplesDir, 'sample5-640.png'), 640);
const photos = [
  { root: 'testdata', file: 'samples/sample5-640.png', full: path.join(samplesDir, 'sample5-640.png') },
  ...fs.readdirSync(chipsDir).filter((f) => f.endsWith('.png')).sort().map((f) => ({ root: 'testdata', file: `chips/${f}`, full: path.join(chipsDir, f) })),
  ...fs.readdirSync(samplesDir).filter((f) => f.endsWith('.jpg')).sort().map((f) => ({ root: 'testdata', file: `samples/${f}`, full: path.join(samplesDir, f) })),
  ...fs.readdirSync(groupDir).filter((f) => f.endsWith('.jpg')).sort().map((f) => ({ root: 'faces', file: `group/${f}`, full: path.join(groupDir, f) })),
];

await faceapi.nets.ssdMobilenetv1.loadFromDisk(faceApiModelDir);
await faceapi.nets.faceLandmark68Net.loadFromDisk(faceApiModelDir);

const ssd = [];
const landmarks = [];
for (const photo of photos) {
  const decoded = readImage(photo.full);
  const image = tf.tensor3d(decoded.data, [decoded.height, decoded.width, 3], 'int32');
  const options = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5, maxResults: 100 });
  const detections = await faceapi.nets.ssdMobilenetv1.locateFaces(image, options);
  const entry = {
    root: photo.root,
    file: photo.file,
    width: decoded.width,
    height: decoded.height,
    detections: detections.map((d) => ({ score: round(d.score), x: round(d.box.x), y: round(d.box.y), width: round(d.box.width), height: round(d.box.height) })),
  };
  if (rawFor.has(photo.file)) {
    const netInput = await faceapi.toNetInput(image);
    const { boxes, scores } = faceapi.nets.ssdMobilenetv1.forwardInput(netInput);
    entry.raw = { boxes: Array.from(await boxes[0].data(), round), scores: Array.from(await scores[0].data(), round) };
    tf.dispose([...boxes, ...scores]);
  }
  ssd.push(entry);
  console.log(`${photo.file}: ${detections.length} faces`);

  if (photo.file.endsWith('.png')) {
    const crops = await faceapi.extractFaceTensors(image, detections);
    for (let i = 0; i < crops.length; i++) {
      const crop = crops[i];
      const netInput = await faceapi.toNetInput(crop);
      const raw = faceapi.nets.faceLandmark68Net.runNet(netInput);
      const result = await faceapi.nets.faceLandmark68Net.detectLandmarks(crop);
      const box = detections[i].box.clipAtImageBorders(decoded.width, decoded.height);
      landmarks.push({
        file: photo.file,
        face: i,
        crop: { x: box.x, y: box.y, width: box.width, height: box.height },
        raw: Array.from(await raw.data(), round),
        points: result.positions.map((p) => [round(p.x + box.x), round(p.y + box.y)]),
      });
      tf.dispose([raw, crop]);
    }
  }
  tf.dispose(image);
}

const write = (name, body) => {
  fs.writeFileSync(path.join(testDataDir, name), `${JSON.stringify({ generator: 'tools/models/reference-detections.mjs', runtime, ...body })}\n`);
  console.log(`FaceJobs.Tests/TestData/${name}`);
};
write('ssd-reference.json', { description: 'face-api ssdMobilenetv1 on the tfjs WASM backend; root "faces" = FaceJobs.Tests/TestData/faces', photos: ssd });
write('landmarks-reference.json', { description: 'face-api faceLandmark68Net on each face-api SSD crop of the sample photos; raw = net output, points in photo pixels', faces: landmarks });
