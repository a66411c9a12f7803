"""Not ML code: a retry helper. Python's random for jitter is fine here."""
import random
import time


def backoff(attempt):
    time.sleep(random.uniform(0, 2 ** attempt))


backoff(1)
