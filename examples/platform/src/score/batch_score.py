"""Batch scoring for the churn model: Azure ML calls init() once per worker and run() per mini-batch of files."""
import os

import mlflow.pyfunc
import pandas as pd

model = None


def init():
    global model
    model = mlflow.pyfunc.load_model(os.environ["AZUREML_MODEL_DIR"])


def run(mini_batch):
    frames = [pd.read_csv(path) for path in mini_batch]
    rows = pd.concat(frames)
    rows["churn_probability"] = model.predict(rows.drop(columns=["customer_id"]))
    return rows[["customer_id", "churn_probability"]]
