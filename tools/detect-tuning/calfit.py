import sys, statistics as st
sys.path.insert(0,'/tmp/det')
from sim2 import *

def fit(truth, dets, files, thr=0.3):
    d = defaultdict(list)
    for f in files:
        t = truth[f]; ds = [x['box'] for x in dets[f]]
        for i, j, v in match(t, ds, thr):
            a, b = t[i], ds[j]
            d['dx'].append(((a[0]+a[2]/2) - (b[0]+b[2]/2)) / b[2]); d['dy'].append(((a[1]+a[3]/2) - (b[1]+b[3]/2)) / b[3])
            d['sw'].append(a[2]/b[2]); d['sh'].append(a[3]/b[3])
    return tuple(st.median(d[k]) for k in ('dx','dy','sw','sh')), len(d['dx'])

def calibrated(dets, cal):
    return {f: [dict(x, box=calibrate(x['box'], cal)) for x in v] for f, v in dets.items()}
