"""Trains the churn classifier and saves it as an MLflow model (what models/churn-<n>/ holds).

Run in the dev workspace (or locally) with the environment of env/conda.yaml:
    python train.py --data churn-train.csv --max-depth 6 --out ../../models/churn-3
"""
import argparse

import mlflow.sklearn
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier

parser = argparse.ArgumentParser()
parser.add_argument("--data", required=True)
parser.add_argument("--max-depth", type=int, default=6)
parser.add_argument("--out", required=True)
args = parser.parse_args()

frame = pd.get_dummies(pd.read_csv(args.data), columns=["contract"])
features, label = frame.drop(columns=["customer_id", "churned"]), frame["churned"]
model = GradientBoostingClassifier(max_depth=args.max_depth).fit(features, label)
mlflow.sklearn.save_model(model, args.out)
