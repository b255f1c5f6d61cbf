# Independent check of the published R glm figures for mtcars am ~ hp + wt (see README.md in this folder).
# Run with Debian's python3-statsmodels 0.13.5: /usr/bin/python3 statsmodels_glm.py
import json
import pandas as pd
import statsmodels.api as sm

d = pd.read_csv("mtcars.csv")
m = sm.GLM(d["am"], sm.add_constant(d[["hp", "wt"]]), family=sm.families.Binomial()).fit(tol=1e-14)
print(json.dumps({
    "coefficients": dict(zip(["(intercept)", "hp", "wt"], m.params.tolist())),
    "standardErrors": dict(zip(["(intercept)", "hp", "wt"], m.bse.tolist())),
    "deviance": m.deviance, "nullDeviance": m.null_deviance, "dfResidual": int(m.df_resid),
    "logLikelihood": m.llf, "nullLogLikelihood": m.llnull}, indent=1))
