import { Matrix } from 'ml-matrix';
import { type AffineInputs, affineBackward, affineBackwardMeanDw, affineForward } from '../../examples/layers/affine.js';
import { randomMatrix, seeded } from '../../examples/layers/random.js';
import { messageOf, type RunnerApi } from './runner-api.js';

/** An affine layer x·w + b with x 4×5, w 5×3, b 1×3, fresh on every call. */
function affine(): AffineInputs {
  const r = seeded(5);
  return { x: randomMatrix(4, 5, r), w: randomMatrix(5, 3, r), b: randomMatrix(1, 3, r) };
}

const correct = (inputs: AffineInputs, dout: Matrix) => affineBackward(dout, affineForward(inputs)[1]);
const meanDw = (inputs: AffineInputs, dout: Matrix) => affineBackwardMeanDw(dout, affineForward(inputs)[1]);

/** The layer matcher's behaviour as a user sees it through the runner's own `expect`. */
export function jacobianMatcherSpec({ describe, it, expect }: RunnerApi): void {
  describe('toHaveCorrectJacobian', () => {
    it('passes on a correct backward, and .not fails saying every input gradient agrees', () => {
      expect(correct).toHaveCorrectJacobian(affineForward, affine());
      expect(messageOf(() => expect(correct).not.toHaveCorrectJacobian(affineForward, affine()))).toMatch(
        /expect\(backward\)\.not\.toHaveCorrectJacobian\(forward, inputs\)[\s\S]*All 38 entries of 3 input gradients agree with central differences of ⟨dout, out⟩/,
      );
    });

    it('fails on a wrong dw, naming dw[i,j] with both values and the diagnosis; .not passes', () => {
      const message = messageOf(() => expect(meanDw).toHaveCorrectJacobian(affineForward, affine()));
      expect(message).toContain('expect(backward).toHaveCorrectJacobian(forward, inputs)');
      expect(message).toContain('1 input gradient of 3 disagree with central differences of ⟨dout, out⟩: 15 of 38 entries.');
      expect(message).toMatch(/gradient +shape +rel\. difference +max \|error\| +failing\n +dx +4×5 .* 0\/20 +✓\n +dw +5×3 .* 15\/15 +✗/);
      expect(message).toMatch(/- dw\[\d,\d\] +numeric +-?\d/);
      expect(message).toMatch(/\+ dw\[\d,\d\] +analytic +-?\d/);
      expect(message).toMatch(/diagnosis: 0\.25 of what it should be/);
      expect(message).toMatch(/dout: seeded random \(seed 1\)/);
      expect(message).not.toMatch(/[-+] (dx|db)\[/);
      expect(meanDw).not.toHaveCorrectJacobian(affineForward, affine());
    });

    it('takes gradients computed for a given options.dout', () => {
      const inputs = affine();
      const dout = randomMatrix(4, 3, seeded(8));
      expect(affineBackward(dout, affineForward(inputs)[1])).toHaveCorrectJacobian(affineForward, inputs, { dout });
      expect(affineBackward(Matrix.ones(4, 3), affineForward(inputs)[1])).not.toHaveCorrectJacobian(affineForward, inputs, { dout });
    });

    it("with { jacobian: 'full' }, names output–input pairs", () => {
      const message = messageOf(() => expect(meanDw).toHaveCorrectJacobian(affineForward, affine(), { jacobian: 'full' }));
      expect(message).toMatch(/dw +12×15 .* 60\/180 +✗/);
      expect(message).toMatch(/- out\[\d,\d\] ← w\[\d,\d\] +numeric/);
      expect(message).toMatch(/\+ out\[\d,\d\] ← w\[\d,\d\] +analytic/);
    });

    it('says so when backward ignores dout', () => {
      const ones = (inputs: AffineInputs) => affineBackward(Matrix.ones(4, 3), affineForward(inputs)[1]);
      expect(messageOf(() => expect(ones).toHaveCorrectJacobian(affineForward, affine()))).toMatch(
        /backward ignores dout: it returned the very same gradients for two different dout/,
      );
    });

    it('is a matcher error, not a pass of .not, when the input is unusable', () => {
      expect(messageOf(() => expect(correct).not.toHaveCorrectJacobian(affineForward, affine(), { dout: Matrix.ones(3, 4) }))).toMatch(
        /Matcher error[\s\S]*dout has shape 3×4 but the output out has shape 4×3/,
      );
      expect(messageOf(() => expect({ dx: 1 }).not.toHaveCorrectJacobian(affineForward, affine()))).toMatch(
        /Matcher error[\s\S]*backward is a gradients record, computed for some dout: pass that dout as options\.dout/,
      );
      expect(messageOf(() => expect(correct).not.toHaveCorrectJacobian('forward', affine()))).toMatch(
        /Matcher error[\s\S]*forward is the string "forward"; expected a function \(inputs\) => output/,
      );
    });
  });
}
