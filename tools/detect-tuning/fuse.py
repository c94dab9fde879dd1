import sys, itertools, pickle, os
sys.path.insert(0,'/tmp/det')
from calfit import *
CAL = {'back': (0.0, 0.055, 1.0, 1.09), 'full': (0.0, 0.105, 1.0, 1.07)}

def pools(raw, files, sizes, cal=CAL):
    path = '/tmp/det/pools.pkl'
    if os.path.exists(path): return pickle.load(open(path, 'rb'))
    P = {}
    for model in ['back', 'full']:
        for sw in [0.3, 0.35, 0.4, 0.45, 0.5, 0.55]:
            for stl in [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65]:
                if stl < sw: continue
                P[(model, sw, stl)] = {f: run_model(raw[f], sizes[f], model, sw, stl, cal=cal[model]) for f in files}
    pickle.dump(P, open(path, 'wb'))
    return P

def fuse(bs, fs, pair_iou=0.4, box='wbf'):
    """One-to-one pairs of back and full faces by IoU, best first; each face: box, b, f (scores, 0 when absent)."""
    pairs = sorted(((iou(b['box'], f['box']), i, j) for i, b in enumerate(bs) for j, f in enumerate(fs)), reverse=True)
    ub, uf, out = set(), set(), []
    for v, i, j in pairs:
        if v < pair_iou: break
        if i in ub or j in uf: continue
        ub.add(i); uf.add(j)
        b, f = bs[i], fs[j]
        if box == 'wbf':
            t = b['score'] + f['score']
            bx = tuple((b['box'][k]*b['score'] + f['box'][k]*f['score'])/t for k in range(4))
        else:
            bx = b['box']
        out.append(dict(box=bx, b=b['score'], f=f['score']))
    out += [dict(box=b['box'], b=b['score'], f=0.0) for i, b in enumerate(bs) if i not in ub]
    out += [dict(box=f['box'], b=0.0, f=f['score']) for j, f in enumerate(fs) if j not in uf]
    return out

def keep(d, qb, qf):
    """Found by both models (at the pools' thresholds), or by one alone at its own stricter score."""
    return (d['b'] > 0 and d['f'] > 0) or d['b'] >= qb or d['f'] >= qf
