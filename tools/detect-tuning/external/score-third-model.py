"""Scores an external detector's boxes on crowd-dev alone and as a third model beside the ensemble (evaluation only).

  python3 score-third-model.py <boxes.csv> <ensemble.csv> <external.csv>

<ensemble.csv>: `FaceJobs.Eval detect ... --dump ensemble.csv` (the app's kept faces); <external.csv>: a probe's output.
A third-model face is added when its score reaches T and it overlaps no ensemble face at IoU >= 0.3 (and no added face).
Matching as in the Eval tool: one-to-one, highest IoU first, IoU >= 0.5; buckets by the true box's larger side.
"""
import csv
import sys
from collections import defaultdict


def load(path, scored=True):
    keys = ('x', 'y', 'w', 'h', 'score') if scored else ('x', 'y', 'w', 'h')
    boxes = defaultdict(list)
    for row in csv.DictReader(open(path)):
        boxes[row['file']].append(tuple(float(row[k]) for k in keys))
    return boxes


def iou(a, b):
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    inter = max(0, x1 - x0) * max(0, y1 - y0)
    union = a[2] * a[3] + b[2] * b[3] - inter
    return inter / union if union > 0 else 0


def score(truth, detections, files):
    matched = large_matched = detected = 0
    for f in files:
        found = detections[f]
        detected += len(found)
        pairs = sorted(((iou(t, d), i, j) for i, t in enumerate(truth[f]) for j, d in enumerate(found)), reverse=True)
        used_true, used_found = set(), set()
        for value, i, j in pairs:
            if value < 0.5:
                break
            if i in used_true or j in used_found:
                continue
            used_true.add(i)
            used_found.add(j)
            matched += 1
            large_matched += max(truth[f][i][2], truth[f][i][3]) >= 32
    large = sum(1 for f in files for t in truth[f] if max(t[2], t[3]) >= 32)
    total = sum(len(truth[f]) for f in files)
    return large_matched / large, matched / total, matched / max(detected, 1)


def with_third(ensemble, external, threshold):
    combined = {}
    for f in set(ensemble) | set(external):
        added = []
        for d in sorted((d for d in external[f] if d[4] >= threshold), key=lambda d: -d[4]):
            if all(iou(d, e) < 0.3 for e in ensemble[f]) and all(iou(d, a) < 0.3 for a in added):
                added.append(d)
        combined[f] = ensemble[f] + added
    return combined


def line(label, truth, detections, halves):
    cells = ['%.3f / %.3f / %.3f' % score(truth, detections, files) for files in halves]
    print(f'{label:28} all {cells[0]}   even {cells[1]}   odd {cells[2]}  (>=32 px / recall / precision)')


truth, ensemble, external = load(sys.argv[1], scored=False), load(sys.argv[2]), load(sys.argv[3])
files = sorted(truth)
halves = (files, files[0::2], files[1::2])
line('ensemble', truth, ensemble, halves)
for t in (0.5, 0.6, 0.7, 0.8, 0.9):
    line(f'external alone, score {t}', truth, {f: [d for d in external[f] if d[4] >= t] for f in files}, halves)
for t in (0.6, 0.7, 0.8, 0.9):
    line(f'ensemble + external, T {t}', truth, with_third(ensemble, external, t), halves)
