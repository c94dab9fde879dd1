import csv, sys, statistics as st
from collections import defaultdict

def load_truth(path):
    t = defaultdict(list)
    for r in csv.DictReader(open(path)):
        t[r['file'].strip()].append((float(r['x']), float(r['y']), float(r['w']), float(r['h'])))
    return t

def load_cand(path):
    c = defaultdict(list)
    for r in csv.DictReader(open(path)):
        kp = [float(v) for v in r['kp'].split()]
        c[r['file']].append(dict(model=r['model'], region=int(r['region']), reports=r['reports']=='1',
            box=(float(r['x']), float(r['y']), float(r['w']), float(r['h'])), score=float(r['score']), kp=kp))
    return c

def iou(a, b):
    ax2, ay2, bx2, by2 = a[0]+a[2], a[1]+a[3], b[0]+b[2], b[1]+b[3]
    w = min(ax2, bx2) - max(a[0], b[0]); h = min(ay2, by2) - max(a[1], b[1])
    if w <= 0 or h <= 0: return 0.0
    i = w*h
    return i / (a[2]*a[3] + b[2]*b[3] - i)

def wnms(cands, thr=0.3):
    """MediaPipe weighted NMS; each output carries 'n' (cluster size), 'models', 'regions'."""
    s = sorted(cands, key=lambda c: -c['score'])
    taken = [False]*len(s); out = []
    for i, c in enumerate(s):
        if taken[i]: continue
        cl = [c]; taken[i] = True
        for j in range(i+1, len(s)):
            if not taken[j] and iou(c['box'], s[j]['box']) > thr:
                cl.append(s[j]); taken[j] = True
        tot = sum(x['score'] for x in cl)
        x = sum(x['box'][0]*x['score'] for x in cl)/tot; y = sum(x['box'][1]*x['score'] for x in cl)/tot
        r = sum((x['box'][0]+x['box'][2])*x['score'] for x in cl)/tot; b = sum((x['box'][1]+x['box'][3])*x['score'] for x in cl)/tot
        models = set(); regions = set()
        for q in cl:
            models |= q['models'] if 'models' in q else {q['model']}; regions |= q['regions'] if 'regions' in q else {(q['model'], q.get('region'))}
        out.append(dict(model=c['model'], box=(x, y, r-x, b-y), score=c['score'], n=sum(q.get('n',1) for q in cl),
            models=models, regions=regions, kp=c['kp'], raw=c.get('raw', c['box'])))
    return out

def calibrate(box, cal):
    dx, dy, sw, sh = cal
    x, y, w, h = box
    cx = x + w/2 + dx*w; cy = y + h/2 + dy*h
    nw, nh = w*sw, h*sh
    return (cx-nw/2, cy-nh/2, nw, nh)

def match(truth, det, thr=0.5):
    pairs = sorted(((iou(a, d), i, j) for i, a in enumerate(truth) for j, d in enumerate(det)), reverse=True)
    ua, ud, m = set(), set(), []
    for v, i, j in pairs:
        if v < thr: break
        if i in ua or j in ud: continue
        ua.add(i); ud.add(j); m.append((i, j, v))
    return m

def bucket(b):
    s = max(b[2], b[3])
    return 0 if s < 16 else 1 if s < 32 else 2 if s < 64 else 3

def per_model(cands, model, s_whole, s_tile, use_tiles=True):
    sel = [c for c in cands if c['model'] == model and (
        (c['region_is_whole'] and c['score'] >= s_whole) or
        (use_tiles and not c['region_is_whole'] and c['reports'] and c['score'] >= max(s_whole, s_tile)))]
    return wnms(sel)

def mark_whole(cand):
    for f, cs in cand.items():
        for c in cs:
            c['region_is_whole'] = False
        bym = defaultdict(int)
        for c in cs: bym[c['model']] = max(bym[c['model']], c['region'])
        # whole-photo region side is the longer side; tiles are never longer than the shorter side unless the photo is square
    return cand

def evaluate(truth, dets, files, thr=0.5):
    found = [0]*4; ann = [0]*4; nd = 0; nm = 0
    for f in files:
        t = truth[f]; d = dets.get(f, [])
        m = match(t, [x['box'] for x in d], thr)
        mi = {i for i, _, _ in m}
        for i, b in enumerate(t):
            ann[bucket(b)] += 1; found[bucket(b)] += i in mi
        nd += len(d); nm += len(m)
    na = sum(ann)
    return dict(found=found, ann=ann, recall=nm/na, precision=nm/max(nd, 1), large=(found[2]+found[3])/(ann[2]+ann[3]), nd=nd, nm=nm)

def fmt(r):
    f, a = r['found'], r['ann']
    return (f"<16 {f[0]}/{a[0]} 16-31 {f[1]}/{a[1]} 32-63 {f[2]}/{a[2]} >=64 {f[3]}/{a[3]} | >=32 {r['large']:.3f} "
            f"recall {r['recall']:.3f} precision {r['precision']:.3f} ({r['nm']}/{r['nd']})")
