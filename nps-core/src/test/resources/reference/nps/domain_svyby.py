"""Golden values for per-group (domain) clustered standard errors: nps4j's `--by role --cluster account`.

Reproduces what R `survey::svyby(~s, ~role, svydesign(ids = ~account, weights = ~w, data = q), svymean)`
reports for the NPS indicator s = +1/0/-1, from first principles (R is not available where this was run):
the domain mean is the ratio estimator R_d = sum(w*y*1{d}) / sum(w*1{d}); its Taylor linearization variance under
a with-replacement one-stage cluster design with G clusters is
    V = G/(G-1) * sum_g (t_g - tbar)^2,   t_g = sum_{i in g} w_i 1{i in d} (y_i - R_d) / sum_i w_i 1{i in d},
summing over ALL G clusters of the design (a cluster without domain rows has t_g = 0) -- survey's svyrecvar with
one stage and no strata (the domain is handled by zeroing the out-of-domain rows of the linearized variable, as
survey's subset()/svyby do). tbar is 0 here because sum_g t_g = 0 at R_d. The data are the `b2b_Q1_equal` case of
golden_nps.json (survey 4.1.1 svymean of the whole design is checked there).

Run: python3 domain_svyby.py > domain_svyby.json   (numpy 2.x; Debian python3-numpy)
"""
import json

import numpy as np

account = ["A", "A", "A", "A", "B", "B", "C", "C", "C", "D", "D", "D"]
role = ["DM", "INF", "USER", "USER", "DM", "USER", "DM", "INF", "USER", "DM", "INF", "USER"]
scores = [10, 9, 6, 8, 7, 10, 3, 6, 9, 10, 10, 9]


def sign(s):
    return 1.0 if s >= 9 else (0.0 if s >= 7 else -1.0)


y = np.array([sign(s) for s in scores])
acc = np.array(account)
rol = np.array(role)
clusters = sorted(set(account))
G = len(clusters)


def domain(d, w):
    ind = (rol == d).astype(float)
    wd = w * ind
    r = (wd * y).sum() / wd.sum()
    lin = wd * (y - r) / wd.sum()
    t = np.array([lin[acc == g].sum() for g in clusters])
    v = G / (G - 1) * ((t - t.mean()) ** 2).sum()
    # the same group scored as its own design (what nps4j did before): only its own accounts, G_d/(G_d-1)
    own = [g for g in clusters if ind[acc == g].sum() > 0]
    to = np.array([lin[acc == g].sum() for g in own])
    vo = len(own) / (len(own) - 1) * ((to - to.mean()) ** 2).sum()
    return {"role": d, "nps": 100 * r, "clusteredStandardError": 100 * np.sqrt(v), "accounts": len(own),
            "ownDesignClusteredStandardError": 100 * np.sqrt(vo)}


w = np.ones(len(y))
out = {
    "provenance": "computed by nps-core/src/test/resources/reference/nps/domain_svyby.py (numpy "
                  + np.__version__ + "): survey::svyby domain-estimation formula from first principles; see the "
                  "script's docstring",
    "data": {"account": account, "role": role, "scores": scores},
    "designClusters": G,
    "unweighted": [domain(d, w) for d in ["DM", "INF", "USER"]],
}
print(json.dumps(out, indent=1))
