// A custom op with a hand-written gradient: softplus(x) = log(1 + eˣ), computed stably as
// max(x, 0) + log(1 + e^−|x|) (eˣ overflows float32 past x ≈ 88), with d/dx softplus = sigmoid(x).
import { tf } from './tf.js';

const value = (x: tf.Tensor) => tf.add(tf.relu(x), tf.log1p(tf.exp(tf.neg(tf.abs(x)))));

/** An op from its value and its gradient given dy and x (tfjs passes the input and `save` as arguments). */
const customOp = (gradient: (dy: tf.Tensor, x: tf.Tensor) => tf.Tensor) =>
  tf.customGrad((...args) => {
    const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
    save([x]);
    return { value: value(x), gradFunc: (dy, [saved]) => gradient(dy as tf.Tensor, saved as tf.Tensor) };
  }) as (x: tf.Tensor) => tf.Tensor;

/** softplus with its gradient by hand: dy · sigmoid(x). */
export const softplus = customOp((dy, x) => tf.mul(dy, tf.sigmoid(x)));

/**
 * The same op with a classic bug: the gradient forgets the upstream dy. Under `tf.grads(f)` with its
 * default dy of ones it gives the right numbers, so only a check with a random dout sees it.
 */
export const softplusForgettingDy = customOp((_dy, x) => tf.sigmoid(x));
