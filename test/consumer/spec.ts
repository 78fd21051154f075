import { checkGradients, checkJacobian } from 'gradcheck';
import { buggyLayerBackward, layerBackward, layerForward, layerInputs } from './layer';
import { backward, buggyBackward, forward, setup } from './model';

/** The message a failing assertion throws, so several things can be said about it. */
function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the assertion to fail');
}

/** What both runners' test APIs offer: the same spec runs under Vitest and under Jest. */
export interface RunnerApi {
  name: string;
  describe: (name: string, body: () => void) => void;
  test: (name: string, body: () => void) => void;
  expect: any;
}

/** The packed package as a user's project uses it, through the runner's own `expect`. */
export function consumerSpec({ name, describe, test, expect }: RunnerApi): void {
  describe(`gradcheck from the packed tarball (${name})`, () => {
    test('correct gradients pass', () => {
      const { params, x, y } = setup();
      expect(backward(params, x, y)).toHaveCorrectGradients(forward, params, x, y);
    });

    test('.not on correct gradients fails', () => {
      const { params, x, y } = setup();
      const g = backward(params, x, y);
      expect(() => expect(g).not.toHaveCorrectGradients(forward, params, x, y)).toThrow(
        /agree with central differences/,
      );
    });

    test('buggy gradients fail, naming the wrong parameters by entry', () => {
      const { params, x, y } = setup();
      const g = buggyBackward(params, x, y);
      expect(() => expect(g).toHaveCorrectGradients(forward, params, x, y)).toThrow(/W2\[0,1\]/);
      const message = failure(() => expect(g).toHaveCorrectGradients(forward, params, x, y));
      expect(message).toMatch(/2 parameters of 4 disagree/);
      expect(message).toMatch(/\+ W2\[0,1\]\s+analytic/);
      expect(message).toMatch(/\+ b1\[0,0\]\s+analytic/);
      expect(message).not.toMatch(/[-+] W1\[/);
      expect(message).not.toMatch(/[-+] b2\[/);
    });

    test('.not on buggy gradients passes', () => {
      const { params, x, y } = setup();
      expect(buggyBackward(params, x, y)).not.toHaveCorrectGradients(forward, params, x, y);
    });

    test('a gradient function (params, x, y) => grads as received', () => {
      const { params, x, y } = setup();
      expect(backward).toHaveCorrectGradients(forward, params, x, y);
      expect(buggyBackward).not.toHaveCorrectGradients(forward, params, x, y);
    });

    test('checkGradients returns a report', () => {
      const { params, x, y } = setup();
      const before = params.W2.to2DArray();
      const good = checkGradients(backward(params, x, y), forward, params, x, y);
      const bad = checkGradients(buggyBackward(params, x, y), forward, params, x, y);
      expect(good.pass).toBe(true);
      expect(bad.pass).toBe(false);
      expect(bad.parameters.filter((p) => !p.pass).map((p) => p.name)).toEqual(['b1', 'W2']);
      expect(params.W2.to2DArray()).toEqual(before);
    });

    test('a bare-number parameter', () => {
      expect(2).toHaveCorrectGradients((theta: number, x: number) => theta * x, 4, 2);
      expect(3).not.toHaveCorrectGradients((theta: number, x: number) => theta * x, 4, 2);
    });

    test('the asymmetric matcher', () => {
      const { params, x, y } = setup();
      const g = backward(params, x, y);
      expect({ g }).toEqual({ g: expect.toHaveCorrectGradients(forward, params, x, y) });
      expect({ g: buggyBackward(params, x, y) }).not.toEqual({
        g: expect.toHaveCorrectGradients(forward, params, x, y),
      });
    });
  });

  describe(`gradcheck's layer check from the packed tarball (${name})`, () => {
    test('a correct backward passes, a buggy one fails naming dw[i,j]', () => {
      expect(layerBackward).toHaveCorrectJacobian(layerForward, layerInputs());
      expect(buggyLayerBackward).not.toHaveCorrectJacobian(layerForward, layerInputs());
      expect(failure(() => expect(buggyLayerBackward).toHaveCorrectJacobian(layerForward, layerInputs()))).toMatch(/\+ dw\[\d,\d\]\s+analytic/);
    });

    test('checkJacobian returns a report', () => {
      const report = checkJacobian(buggyLayerBackward, layerForward, layerInputs());
      expect(report.pass).toBe(false);
      expect(report.parameters.filter((p) => !p.pass).map((p) => p.name)).toEqual(['dw']);
    });
  });
}
