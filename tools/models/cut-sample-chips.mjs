// Cuts one 150x150 colour face chip per committed sample photo (the most confident face-api
// SSD-MobileNetV1 detection, a square 1.3x the box, bilinear-resized) into FaceJobs.Tests/TestData/chips.
// Run once; the PNGs are committed and are the test input from then on.
import fs from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { faceapi, faceApiModelDir, initWasm, repoRoot, tf } from './lib/face-api-wasm.mjs';

const samplesDir = path.join(repoRoot, 'FaceJobs.Tests', 'TestData', 'samples');
const chipsDir = path.join(repoRoot, 'FaceJobs.Tests', 'TestData', 'chips');
const chipSize = 150;

console.log(await initWasm());
await faceapi.nets.ssdMobilenetv1.loadFromDisk(faceApiModelDir);
fs.mkdirSync(chipsDir, { recursive: true });

for (const file of fs.readdirSync(samplesDir).filter((f) => f.endsWith('.jpg')).sort()) {
  const decoded = jpeg.decode(fs.readFileSync(path.join(samplesDir, file)), { useTArray: true, formatAsRGBA: false });
  const image = tf.tensor3d(decoded.data, [decoded.height, decoded.width, 3], 'int32');
  const detections = await faceapi.detectAllFaces(image, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 }));
  const best = detections.sort((a, b) => b.score - a.score)[0];
  const { x, y, width, height } = best.box;
  const side = Math.min(Math.round(1.3 * Math.max(width, height)), decoded.width, decoded.height);
  const left = Math.min(Math.max(0, Math.round(x + width / 2 - side / 2)), decoded.width - side);
  const top = Math.min(Math.max(0, Math.round(y + height / 2 - side / 2)), decoded.height - side);
  const chip = tf.tidy(() => tf.image
    .resizeBilinear(tf.slice(image, [top, left, 0], [side, side, 3]).toFloat(), [chipSize, chipSize])
    .round().clipByValue(0, 255).toInt());
  const rgb = await chip.data();
  const png = new PNG({ width: chipSize, height: chipSize });
  for (let i = 0; i < chipSize * chipSize; i++) {
    png.data.set([rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2], 255], 4 * i);
  }
  const name = file.replace('.jpg', '-face.png');
  fs.writeFileSync(path.join(chipsDir, name), PNG.sync.write(png, { colorType: 2 }));
  console.log(`${name}: score ${best.score.toFixed(3)}, square ${side}px at (${left},${top})`);
  tf.dispose([image, chip]);
}
