// TensorFlow.js as these examples use it: tfjs-core with its plain-JavaScript cpu backend, and the
// registrations that the @tensorflow/tfjs bundle makes for you (with it, `import * as tf from '@tensorflow/tfjs'` is all).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';

// Only mutes the cpu backend's note that a native Node backend would be faster.
tf.env().set('PROD', true);

export { tf };
