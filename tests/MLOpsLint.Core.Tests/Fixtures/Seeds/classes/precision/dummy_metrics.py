import datetime
import random
import time

import pandas as pd

rand = random.Random()
unused = random.Random()


def calculate_dummy_metrics(rows):
    rows.append((datetime.datetime.now(), rand.randint(0, 1000), rand.random()))


def main():
    rows = []
    for _ in range(10):
        calculate_dummy_metrics(rows)
        time.sleep(1)
    pd.DataFrame(rows).to_sql("dummy_metrics", "postgresql://localhost/test")


if __name__ == "__main__":
    main()
