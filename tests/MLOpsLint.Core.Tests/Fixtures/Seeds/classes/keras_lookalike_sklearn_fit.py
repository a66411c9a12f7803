"""Look-alike: TensorFlow is imported (to load a saved encoder), but the model fitted is scikit-learn's, seeded."""
import tensorflow as tf
from sklearn.linear_model import LogisticRegression

encoder = tf.keras.models.load_model("encoder.keras")
features = encoder.predict(images)
clf = LogisticRegression(max_iter=1000)
clf.fit(features, labels)
