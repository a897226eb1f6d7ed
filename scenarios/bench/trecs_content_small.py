# T-RECS's own ContentFiltering on benchmark S (scenarios/bench/trecs-content-small.yaml), to set RecEco's figures
# beside T-RECS's: 1,000 users x 1,250 items x 20 attributes, user profiles and item attributes ~ Dirichlet(0.5),
# 10 items shown per step, the user consumes the one with the highest true score (repeats allowed), 10 start-up
# steps then 100 steps of recommend -> interact -> retrain; MSE (T-RECS's, scores of the L2-normalised estimate),
# the same MSE scored with the raw NNLS profiles, and Jaccard over 1,000 random user pairs.
#
#   git --git-dir=<t-recs git dir> archive HEAD | tar x -C /tmp/trecs      (elucherini/t-recs)
#   apt-get install -y python3-numpy python3-scipy python3-networkx python3-pandas python3-tqdm python3-matplotlib
#   TRECS=/tmp/trecs /usr/bin/python3 scenarios/bench/trecs_content_small.py SEED
import os
import sys
import time
import types

# trecs.models imports its MF model, which needs lenskit; content filtering does not use it.
lenskit = types.ModuleType("lenskit")
algorithms = types.ModuleType("lenskit.algorithms")
algorithms.als = None
sys.modules["lenskit"] = lenskit
sys.modules["lenskit.algorithms"] = algorithms
sys.path.insert(0, os.environ.get("TRECS", "/tmp/trecs"))

import numpy as np  # noqa: E402
import trecs.matrix_ops as mo  # noqa: E402
from trecs.components import Users  # noqa: E402
from trecs.metrics import InteractionSimilarity, Measurement, MSEMeasurement  # noqa: E402
from trecs.models import ContentFiltering  # noqa: E402

seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
rng = np.random.default_rng(seed)
USERS, ITEMS, ATTRS = 1000, 1250, 20
profiles = rng.dirichlet(np.full(ATTRS, 0.5), size=USERS)
items = rng.dirichlet(np.full(ATTRS, 0.5), size=ITEMS).T
pairs = [tuple(rng.choice(USERS, 2, replace=False)) for _ in range(1000)]


class RawProfileMse(Measurement):
    """T-RECS's MSE with predicted scores from the raw NNLS profiles (what RecEco's mse read before it normalised)."""

    def __init__(self):
        Measurement.__init__(self, "mse_raw")

    def measure(self, recommender):
        predicted = mo.inner_product(recommender.users_hat.value, recommender.items_hat.value, normalize_users=False)
        self.observe(((predicted - recommender.users.actual_user_scores.value) ** 2).mean(), copy=False)


users = Users(actual_user_profiles=profiles, repeat_interactions=True, seed=seed)
cf = ContentFiltering(user_representation=np.zeros((USERS, ATTRS)), item_representation=items,
                      actual_user_representation=users, num_items_per_iter=10, seed=seed)
cf.add_metrics(MSEMeasurement(), RawProfileMse(), InteractionSimilarity(pairs))
t0 = time.time()
cf.startup_and_train(timesteps=10)
cf.run(timesteps=100, train_between_steps=True, repeated_items=True, disable_tqdm=True)
m = cf.get_measurements()
mse, raw, jaccard = m["mse"], m["mse_raw"], m["interaction_similarity"]
print(f"seed {seed}: {time.time() - t0:.1f} s")
for step in (30, 100, 110):  # measurement k is taken after step k; RecEco's round k-1
    print(f"  after step {step:3d} (RecEco round {step - 1:3d}): mse {mse[step]:.5f}  "
          f"mse with raw profiles {raw[step]:.5f}  jaccard {jaccard[step]:.5f}")
print(f"  mean over steps 100-110 (RecEco rounds 99-109): mse {np.mean(mse[100:111]):.5f}")
