import csv, struct, sys
from collections import defaultdict
sys.path.insert(0, '/tmp/det')
from sim import iou, wnms, match, bucket, evaluate, fmt, load_truth, calibrate

ROOT = '/work/shared/devsets/crowd-dev/'
INPUT = {'back': 256, 'full': 192}

def pngsize(p):
    with open(p, 'rb') as fh: h = fh.read(24)
    return struct.unpack('>II', h[16:24])

def load_raw(path):
    regions = defaultdict(lambda: defaultdict(list))  # file -> (model, region) -> cands
    for r in csv.DictReader(open(path)):
        reg = tuple(int(v) for v in r['region'].split())
        key = (r['model'], reg, float(r['maxface']))
        regions[r['file']][key].append(dict(model=r['model'], region=reg, box=(float(r['x']), float(r['y']), float(r['w']), float(r['h'])),
            score=float(r['score']), kp=[float(v) for v in r['kp'].split()]))
    return regions

def cut(box, tile, img, margin):
    x, y, w, h = box; tx, ty, tw, th = tile; W, H = img
    return (tx > 0 and x < tx + margin) or (ty > 0 and y < ty + margin) or (tx + tw < W and x + w > tx + tw - margin) or (ty + th < H and y + h > ty + th - margin)

def model_candidates(regs, img, model, s_whole, s_tile, tiles=True, region_filter=None):
    """What TiledDetection.Run collects before its final suppression, per model; each tagged with its region side."""
    out = []
    for (m, reg, maxface), cs in regs.items():
        if m != model: continue
        whole = reg[0] == 0 and reg[1] == 0 and reg[2] == img[0] and reg[3] == img[1]
        if not whole and not tiles: continue
        if region_filter and not whole and not region_filter(reg): continue
        thr = s_whole if whole else max(s_whole, s_tile)
        sup = wnms([c for c in cs if c['score'] >= thr])
        for c in sup:
            c['whole'] = whole; c['side'] = reg[2]
            c['regions'] = {(model, 'whole' if whole else reg[2])}
            if whole or (max(c['box'][2], c['box'][3]) < maxface and not cut(c['box'], reg, img, 2.0 / INPUT[model] * reg[2])):
                out.append(c)
    return out

def run_model(regs, img, model, s_whole, s_tile, tiles=True, cal=None, region_filter=None):
    faces = wnms(model_candidates(regs, img, model, s_whole, s_tile, tiles, region_filter))
    if cal:
        for f in faces: f['box'] = calibrate(f['box'], cal)
    return faces

def setup():
    raw = load_raw('/tmp/det/raw.csv'); truth = load_truth(ROOT + 'boxes.csv')
    files = sorted(truth)
    sizes = {f: pngsize(ROOT + f) for f in files}
    return raw, truth, files, sizes
